using System.Collections;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Tests.Configuration;

// fundingarb.venues: which venues run in process and which through a connector, with keys from the environment or a
// key file, never from the configuration's text and never in what the settings print.
public sealed class VenueSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-venues-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_shipped_exchange_node_reaches_the_three_venues_through_their_connectors_on_7100_to_7102()
    {
        var settings = Load(Path.Combine(AppContext.BaseDirectory, "hocon", "node-exchange.conf"),
            new Hashtable { ["EXCHANGE_API_KEY"] = "demo", ["EXCHANGE_API_SECRET"] = "demo-secret", ["EXCHANGE_PASSPHRASE"] = "demo-pass" });

        Assert.Equal(
            [("alpha", NodeVenueKind.BinanceUsdm, "http://127.0.0.1:7100/", "ws://127.0.0.1:7100/"),
             ("beta", NodeVenueKind.BybitV5, "http://127.0.0.1:7101/", "ws://127.0.0.1:7101/"),
             ("gamma", NodeVenueKind.OkxV5, "http://127.0.0.1:7102/", "ws://127.0.0.1:7102/")],
            settings.Venues.Select(v => (v.Name, v.Kind, v.RestUrl!.ToString(), v.WebSocketUrl!.ToString())));
        Assert.Equal([false, false, true], settings.Venues.Select(v => v.SimulatedTrading));
        Assert.Equal(("demo", "demo-secret", "demo-pass"), (settings.Venues[2].Keys!.ApiKey, settings.Venues[2].Keys!.ApiSecret, settings.Venues[2].Keys!.Passphrase));
        Assert.Empty(settings.Simulation.Venues);
        var printed = string.Join('\n', settings.Venues);
        Assert.Contains("keys from environment variables EXCHANGE_API_KEY, EXCHANGE_API_SECRET", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-secret", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-pass", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void A_simulation_venue_named_as_a_connector_leaves_the_simulation_and_its_fees_and_defaults_to_production_urls()
    {
        var settings = Load(NodeConfigLoader.FindDefaultFile(), new Hashtable
        {
            ["CONFIG_FORCE_fundingarb_venues_beta_kind"] = "bybit-v5",
            ["CONFIG_FORCE_fundingarb_venues_beta_api__key__env"] = "BETA_KEY",
            ["CONFIG_FORCE_fundingarb_venues_beta_api__secret__env"] = "BETA_SECRET",
            ["BETA_KEY"] = "k",
            ["BETA_SECRET"] = "s",
        });

        Assert.Equal([("alpha", NodeVenueKind.Simulated), ("beta", NodeVenueKind.BybitV5), ("gamma", NodeVenueKind.Simulated)],
            settings.Venues.Select(v => (v.Name, v.Kind)));
        Assert.Equal(("https://api.bybit.com/", "wss://stream.bybit.com/"), (settings.Venues[1].RestUrl!.ToString(), settings.Venues[1].WebSocketUrl!.ToString()));
        Assert.Equal(["alpha", "gamma"], settings.Simulation.Venues.Select(v => v.Settings.Id.Value));
        Assert.Equal(["alpha", "gamma"], settings.Actors.Orchestrator.Strategy.Fees.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_key_file_gives_the_keys_and_the_settings_name_only_the_file()
    {
        var keyFile = Path.Combine(_folder, "alpha.keys");
        File.WriteAllText(keyFile, "# the demo account\napi-key = demo\napi-secret = demo-secret\n");
        var settings = Load(Write($$"""
            alpha { kind = binance-usdm, key-file = "{{keyFile}}" }
            """), new Hashtable());

        var keys = settings.Venues.Single().Keys!;
        Assert.Equal(("demo", "demo-secret", (string?)null), (keys.ApiKey, keys.ApiSecret, keys.Passphrase));
        Assert.Equal($"keys from key file {keyFile}", keys.ToString());
    }

    [Theory]
    [InlineData("""alpha { kind = binance-usdm, key-file = "/nowhere/absent.keys" }""", "fundingarb.venues.alpha.key-file: venue alpha: the key file /nowhere/absent.keys cannot be read", "")]
    [InlineData("""alpha { kind = binance-usdm, api-key-env = A_KEY }""", "fundingarb.venues.alpha.api-secret-env: venue alpha needs api-secret-env", "")]
    [InlineData("""alpha { kind = binance-usdm, api-key-env = A_KEY, api-secret-env = A_SECRET, key-file = x }""", "fundingarb.venues.alpha.key-file: venue alpha takes its keys from key-file or", "")]
    [InlineData("""gamma { kind = okx-v5, api-key-env = A_KEY, api-secret-env = A_SECRET, passphrase-env = A_PASS }""", "fundingarb.venues.gamma.passphrase-env: venue gamma: the environment variable A_PASS is not set", "")]
    [InlineData("""alpha { kind = binance-usdm, api-key-env = A_KEY, api-secret-env = A_SECRET, simulated-trading = on }""", "fundingarb.venues.alpha.simulated-trading: venue alpha's kind has no simulated-trading (only okx-v5 does)", "")]
    [InlineData("""alpha { kind = ftx }""", "fundingarb.venues.alpha.kind: 'ftx' is not a venue kind; expected one of simulated, binance-usdm, bybit-v5, okx-v5", "")]
    [InlineData("""delta { kind = simulated }""", "fundingarb.venues.delta.kind: venue delta is simulated but fundingarb.node.simulation has no venue delta", "")]
    [InlineData("""alpha { kind = bybit-v5, rest-url = "ftp://x", api-key-env = A_KEY, api-secret-env = A_SECRET }""", "fundingarb.venues.alpha.rest-url: 'ftp://x' is not an absolute http or https URL", "")]
    public void A_bad_venue_entry_stops_the_start_naming_the_venue_and_the_key(string venues, string expected, string alsoExpected)
    {
        var failure = Assert.Throws<NodeConfigurationException>(() => Load(Write(venues), new Hashtable { ["A_KEY"] = "the-key", ["A_SECRET"] = "the-secret" }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_connector_venue_needs_speed_1()
    {
        var file = Write("""alpha { kind = binance-usdm, api-key-env = A_KEY, api-secret-env = A_SECRET }""");

        var failure = Assert.Throws<NodeConfigurationException>(() =>
            NodeConfigLoader.Load(new NodeRunOptions(file, 60, _folder), new Hashtable { ["A_KEY"] = "k", ["A_SECRET"] = "s" }));

        Assert.Contains("fundingarb.node.speed: 60 must be 1: venue alpha is a real connector", failure.Message, StringComparison.Ordinal);
    }

    private string Write(string venues)
    {
        var path = Path.Combine(_folder, "node.conf");
        File.WriteAllText(path, $"fundingarb.venues {{\n{venues}\n}}\n");
        return path;
    }

    private static NodeSettings Load(string file, Hashtable environment) => NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = file }, environment);
}
