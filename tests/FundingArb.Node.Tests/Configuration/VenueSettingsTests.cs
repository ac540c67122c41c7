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
    [InlineData("""alpha { kind = binance-usdm, mode = demo, paper { balances { USDT = 1000 } } }""", "fundingarb.venues.alpha.mode: 'demo' is not a venue mode; expected one of live, paper", "")]
    [InlineData("""alpha { kind = binance-usdm, mode = paper }""", "fundingarb.venues.alpha.paper: venue alpha trades on paper (mode = paper) and needs paper.balances", "")]
    [InlineData("""alpha { kind = binance-usdm, mode = paper, paper { balances { USDT = -5 } } }""", "fundingarb.venues.alpha.paper.balances.USDT: -5 must not be negative", "")]
    [InlineData("""alpha { kind = binance-usdm, mode = paper, paper { balances { USDT = 5 }, taker-fee = 0.5 } }""", "fundingarb.venues.alpha.paper.taker-fee: 0.5 is not a fee rate", "")]
    [InlineData("""alpha { kind = binance-usdm, mode = paper, paper { balances { USDT = 5 }, bonus = 1 } }""", "fundingarb.venues.alpha.paper.bonus", "")]
    [InlineData("""alpha { kind = binance-usdm, api-key-env = A_KEY, api-secret-env = A_SECRET, paper { balances { USDT = 5 } } }""", "fundingarb.venues.alpha.paper: venue alpha trades live (mode = live)", "")]
    public void A_bad_venue_entry_stops_the_start_naming_the_venue_and_the_key(string venues, string expected, string alsoExpected)
    {
        var failure = Assert.Throws<NodeConfigurationException>(() => Load(Write(venues), new Hashtable { ["A_KEY"] = "the-key", ["A_SECRET"] = "the-secret" }));

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("the-secret", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_paper_venue_reads_no_keys_and_takes_its_balances_and_the_venues_own_fees_and_post_only_style()
    {
        var settings = Load(Write("""
            alpha { kind = binance-usdm, mode = paper, api-key-env = UNSET_KEY, paper { balances { USDT = 2500, USDC = 100 } } }
            beta { kind = bybit-v5, mode = paper, paper { balances { USDT = 1000 }, maker-fee = -0.0001, leverage = 5, funding-poll-interval = 2s } }
            """), new Hashtable());

        var (alpha, beta) = (settings.Venues[0], settings.Venues[1]);
        Assert.Equal((NodeVenueMode.Paper, (VenueKeys?)null, "paper"), (alpha.Mode, alpha.Keys, alpha.ModeName));
        Assert.Equal(["2500 USDT", "100 USDC"], alpha.Paper!.Balances.Select(b => $"{b.Amount} {b.Asset.Code}"));
        Assert.Equal((0.0002m, 0.0005m, FundingArb.Venues.Simulation.PostOnlyStyle.RejectOnSubmit), (alpha.Paper.Fees.MakerRate, alpha.Paper.Fees.TakerRate, alpha.Paper.PostOnly));
        Assert.Equal((-0.0001m, 0.00055m, FundingArb.Venues.Simulation.PostOnlyStyle.CancelAfterAccept, 5m, TimeSpan.FromSeconds(2)),
            (beta.Paper!.Fees.MakerRate, beta.Paper.Fees.TakerRate, beta.Paper.PostOnly, beta.Paper.Leverage, beta.Paper.FundingPollInterval));
    }

    [Fact]
    public void A_connector_venue_without_a_mode_trades_live()
    {
        var settings = Load(Write("""alpha { kind = binance-usdm, api-key-env = A_KEY, api-secret-env = A_SECRET }"""), new Hashtable { ["A_KEY"] = "k", ["A_SECRET"] = "s" });

        Assert.Equal((NodeVenueMode.Live, "live", (object?)null), (settings.Venues[0].Mode, settings.Venues[0].ModeName, (object?)settings.Venues[0].Paper));
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
