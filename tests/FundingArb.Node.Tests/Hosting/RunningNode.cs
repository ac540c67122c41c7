using System.Collections;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FundingArb.Node.Tests.Hosting;

/// A whole node (hocon/node.conf's three demo venues, the SQLite journal in a throw-away data folder, its actors,
/// API and dashboard) running in this process, on Kestrel at a free loopback port or on an in-memory test server.
public sealed class RunningNode : IAsyncDisposable
{
    public const string Token = "test-token-0123456789abcdef";

    /// At 60x a one-minute entry deadline is one second of real time, which a loaded test machine can miss (the pair
    /// then rolls back and cools down); ten minutes of market time is ten real seconds.
    public static readonly KeyValuePair<string, string> EntryTimeout = new("CONFIG_FORCE_strategy_funding__arb_entry__timeout", "10m");

    private readonly bool _ownsData;

    private RunningNode(WebApplication app, NodeSettings settings, Uri baseAddress, bool ownsData)
    {
        App = app;
        Settings = settings;
        BaseAddress = baseAddress;
        _ownsData = ownsData;
    }

    public WebApplication App { get; }

    public NodeSettings Settings { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory => Settings.DataDirectory;

    public NodeRuntime Runtime => App.Services.GetRequiredService<NodeRuntime>();

    /// Starts a node on Kestrel (a real socket) at a free loopback port.
    public static Task<RunningNode> StartAsync(double speed = 60, string? dataDirectory = null, IDictionary<string, string>? overrides = null) =>
        StartAsync(speed, dataDirectory, overrides, testServer: false);

    /// Starts a node on an in-memory test server (Microsoft.AspNetCore.Mvc.Testing's TestHost): use CreateClient.
    public static Task<RunningNode> StartInProcessAsync(double speed = 60, string? dataDirectory = null, IDictionary<string, string>? overrides = null) =>
        StartAsync(speed, dataDirectory, overrides, testServer: true);

    /// A client for the node: with the write token when authorized.
    public HttpClient CreateClient(bool authorized = false)
    {
        var client = App.Services.GetService<IServer>() is TestServer server ? server.CreateClient() : new HttpClient { BaseAddress = BaseAddress };
        client.BaseAddress = BaseAddress;
        if (authorized)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Token);
        }

        return client;
    }

    public static NodeSettings LoadSettings(double speed, string dataDirectory, IDictionary<string, string>? overrides = null)
    {
        var environment = new Hashtable
        {
            ["CONFIG_FORCE_fundingarb_node_http_port"] = "0",
            ["CONFIG_FORCE_fundingarb_node_http_api__token"] = Token,
            ["CONFIG_FORCE_fundingarb_node_logging_console__level"] = "Warning",
            ["CONFIG_FORCE_fundingarb_node_shutdown__deadline"] = "5s",
            [EntryTimeout.Key] = EntryTimeout.Value,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return NodeConfigLoader.Load(new NodeRunOptions(NodeConfigLoader.FindDefaultFile(), speed, dataDirectory), environment);
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("fundingarb-node-").FullName;

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync().ConfigureAwait(false);
        await App.DisposeAsync().ConfigureAwait(false);
        if (_ownsData)
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private static async Task<RunningNode> StartAsync(double speed, string? dataDirectory, IDictionary<string, string>? overrides, bool testServer)
    {
        var settings = LoadSettings(speed, dataDirectory ?? NewDataDirectory(), overrides);
        var app = NodeApplication.Create(settings, testServer ? b => b.WebHost.UseTestServer() : null);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = testServer
            ? "http://localhost"
            : app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningNode(app, settings, new Uri(address), ownsData: dataDirectory is null);
    }
}
