using FundingArb.Node.Api;
using FundingArb.Node.Configuration;
using FundingArb.Node.Dashboard;
using Akka.Hosting;
using FundingArb.Node.Logging;
using Serilog;

namespace FundingArb.Node.Hosting;

/// The node as a web application: the runtime and dashboard feed as hosted services, the API under /api/v1, the
/// dashboard at /, the OpenAPI document at /openapi/v1.json, Serilog for every log line.
public static class NodeApplication
{
    /// The node's application; configure adjusts the builder before it is built (tests swap Kestrel for a test server).
    public static WebApplication Create(NodeSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(NodeApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var masking = new SecretMasking();
        var token = ApiToken.Resolve(settings);
        masking.Register(token.Value);
        foreach (var keys in settings.Venues.Select(v => v.Keys).OfType<VenueKeys>())
        {
            masking.Register(keys.ApiSecret);
            if (keys.Passphrase is { } passphrase)
            {
                masking.Register(passphrase);
            }
        }

        var pairs = new PairLogContext();
        var serilog = NodeLogging.Create(settings, masking, pairs);
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(serilog, dispose: true);

        // Akka's logger (Akka.Logger.Serilog) writes to Serilog's static logger: the node's, for as long as it runs.
        Log.Logger = serilog;
        builder.WebHost.UseUrls($"http://{settings.HttpHost}:{settings.HttpPort}");
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownDeadline + TimeSpan.FromSeconds(30));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(token);
        builder.Services.AddSingleton(masking);
        builder.Services.AddSingleton<Serilog.ILogger>(serilog);
        builder.Services.AddSingleton(pairs);
        builder.Services.AddSingleton<NodeRuntime>();

        // Before Akka's hosted service: the venues open before the actors start, and are saved after the system stops.
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeRuntime>());
        builder.Services.AddAkka(NodeAkka.SystemName, NodeAkka.Configure);
        builder.Services.AddSingleton<DashboardFeed>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DashboardFeed>());
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        DashboardEndpoints.MapPage(app);
        var api = app.MapGroup("/api/v1").RequireReadAccess();
        ExecutorEndpoints.Map(api);
        FundingEndpoints.Map(api);
        OrderEndpoints.Map(api);
        PositionEndpoints.Map(api);
        PerformanceEndpoints.Map(api);
        HealthEndpoints.Map(api);
        ClusterEndpoints.Map(api);
        RiskEndpoints.Map(api);
        DashboardEndpoints.MapData(api);
        app.MapOpenApi();
        return app;
    }
}
