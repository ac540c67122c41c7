using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingArb.Exchange;

// One web application per venue, each on its own port, because a real venue's client is configured with one
// base URL per venue and the protocols' paths overlap (two venues could not share `/api/v3/...` on one port).

/// Serves simulated venues, each in its protocol and with the exchange's admin endpoints (AdminEndpoints), on loopback or a given address;
/// disposing it stops them all.
public sealed class ExchangeServer : IAsyncDisposable
{
    private readonly List<WebApplication> _applications = [];

    private ExchangeServer()
    {
    }

    public IReadOnlyList<VenueEndpoint> Endpoints { get; private set; } = [];

    /// Starts every venue on loopback; a port of 0 takes a free one. Stops the ones already started if one fails.
    public static Task<ExchangeServer> StartAsync(IEnumerable<(ServedVenue Venue, IVenueProtocol Protocol, int Port)> venues,
        ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default) =>
        StartAsync(venues, IPAddress.Loopback, loggerFactory, cancellationToken);

    /// Starts every venue on host (IPAddress.Any: every interface, for clients on other hosts or containers).
    public static async Task<ExchangeServer> StartAsync(IEnumerable<(ServedVenue Venue, IVenueProtocol Protocol, int Port)> venues, IPAddress host,
        ILoggerFactory? loggerFactory = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(host);
        var server = new ExchangeServer();
        var endpoints = new List<VenueEndpoint>();
        try
        {
            foreach (var (venue, protocol, port) in venues)
            {
                ArgumentNullException.ThrowIfNull(venue, nameof(venues));
                ArgumentNullException.ThrowIfNull(protocol, nameof(venues));
                var application = Build(venue, protocol, host, port, loggerFactory);
                server._applications.Add(application);
                await application.StartAsync(cancellationToken).ConfigureAwait(false);
                var root = new Uri(application.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
                endpoints.Add(new VenueEndpoint(venue.Name, protocol.Name, root,
                    new UriBuilder(root) { Scheme = "ws", Path = protocol.WebSocketPath }.Uri));
            }
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        server.Endpoints = endpoints;
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var application in _applications)
        {
            await application.StopAsync().ConfigureAwait(false);
            await application.DisposeAsync().ConfigureAwait(false);
        }

        _applications.Clear();
    }

    private static WebApplication Build(ServedVenue venue, IVenueProtocol protocol, IPAddress host, int port, ILoggerFactory? loggerFactory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://{new IPEndPoint(host, port)}");
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        var application = builder.Build();
        if (venue.Persist is { } persist)
        {
            // A real exchange does not forget an order it acknowledged: whatever a request changed is saved once the
            // endpoint has its answer and before the first byte of it leaves, whichever protocol answers.
            application.Use((context, next) =>
            {
                if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
                {
                    context.Response.OnStarting(() =>
                    {
                        persist();
                        return Task.CompletedTask;
                    });
                }

                return next(context);
            });
        }

        application.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        if (venue.Lockstep is { } lockstep)
        {
            application.Use(Lockstep.LockstepMiddleware.For(lockstep, venue.Venue.Id));
        }

        protocol.Map(application, venue);
        AdminEndpoints.Map(application, venue, (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(typeof(AdminEndpoints).FullName!));
        return application;
    }
}
