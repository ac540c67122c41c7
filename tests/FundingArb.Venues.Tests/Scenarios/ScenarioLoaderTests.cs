using FundingArb.Venues.Errors;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Tests.Scenarios;

public sealed class ScenarioLoaderTests
{
    // Line numbers below count from the first line of this text.
    private const string Valid = """
        scenario {
          name = tiny
          seed = 3
          start = "2026-03-02T00:00:00Z"
          duration = 2h
          venues = [
            { name = alpha, funding-interval = 8h, maker-fee = 0.0002, taker-fee = 0.0005, balances { USDT = 1000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001 }] }
          ]
          markets = [
            { venue = alpha, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60000 }], depth { levels = 5, quote-per-level = 1000 },
              funding = [{ at = 0h, rate = 0.0001 }] }
          ]
          faults = [{ at = 1h, venue = alpha, kind = reject-orders, error = InsufficientMargin }]
          actions = [{ at = 30m, command = "status" }]
        }
        """;

    [Fact]
    public void Parse_ValidScenario_ReadsEveryPart()
    {
        var scenario = ScenarioLoader.Parse(Valid, "tiny.conf");

        Assert.Equal(("tiny", 3L, TimeSpan.FromHours(2)), (scenario.Name, scenario.Seed, scenario.Duration));
        var venue = Assert.Single(scenario.Venues);
        Assert.Equal((0.0002m, 0.0005m), (venue.Settings.Fees.MakerRate, venue.Settings.Fees.TakerRate));
        var fault = Assert.IsType<RejectOrdersFault>(Assert.Single(venue.Faults));
        Assert.Equal((scenario.Start + TimeSpan.FromHours(1), 1, VenueError.InsufficientMargin), (fault.At, fault.Count, fault.Error));
        Assert.Equal(new ScenarioAction(scenario.Start + TimeSpan.FromMinutes(30), "status"), Assert.Single(scenario.Actions));
    }

    [Fact]
    public void Parse_CrashAndRestart_ReadsHowLongTheNodeStaysDown()
    {
        var text = Valid.Replace("faults = [", "faults = [{ at = 90m, kind = crash-and-restart, down = 20m }, { at = 40m, kind = crash-and-restart }, ",
            StringComparison.Ordinal);

        var scenario = ScenarioLoader.Parse(text, "tiny.conf");

        Assert.Equal([new NodeCrash(scenario.Start.AddMinutes(40), TimeSpan.Zero), new NodeCrash(scenario.Start.AddMinutes(90), TimeSpan.FromMinutes(20))],
            scenario.CrashRestarts.ToArray());
    }

    [Fact]
    public void Parse_JsonForm_IsAccepted()
    {
        var json = """
            { "scenario": { "name": "json", "seed": 1, "start": "2026-03-02T00:00:00Z", "duration": "1h",
              "venues": [{ "name": "alpha", "maker-fee": 0.0002, "taker-fee": 0.0005,
                "instruments": [{ "symbol": "BTCUSDT", "base": "BTC", "quote": "USDT", "tick-size": 0.1, "step-size": 0.001 }] }],
              "markets": [{ "venue": "alpha", "symbol": "BTCUSDT", "price": { "start": 100, "volatility": 0.2 } }] } }
            """;

        var scenario = ScenarioLoader.Parse(json);

        Assert.Equal("json", scenario.Name);
    }

    [Theory]
    [InlineData("  seed = 3", "  seed = 3\n  sead = 4", "scenario.sead", 4)]
    [InlineData("taker-fee = 0.0005,", "taker-fee = 0.0005, colour = red,", "colour", 7)]
    [InlineData("step-size = 0.001 }", "step-size = 0.001, lot = 1 }", "lot", 8)]
    [InlineData("quote-per-level = 1000 }", "quote-per-level = 1000, width = 2 }", "width", 11)]
    [InlineData("kind = reject-orders,", "kind = explode,", "kind", 14)]
    [InlineData("error = InsufficientMargin", "error = Bankrupt", "error", 14)]
    [InlineData("{ venue = alpha, symbol = BTCUSDT, price-points", "{ venue = gamma, symbol = BTCUSDT, price-points", "venue", 11)]
    [InlineData("taker-fee = 0.0005,", "taker-fee = -0.0005,", "taker-fee", 7)]
    [InlineData("funding-interval = 8h", "funding-interval = 7h", "funding-interval", 7)]
    [InlineData("duration = 2h", "duration = soon", "duration", 5)]
    [InlineData("{ at = 30m, command", "{ at = 30m, cmd = x, command", "cmd", 15)]
    [InlineData("error = InsufficientMargin }]", "error = InsufficientMargin }, { at = 1h, kind = crash-and-restart, down = -5m }]", "down", 14)]
    public void Parse_Mistake_NamesTheKeyAndItsLine(string original, string replacement, string key, int line)
    {
        var text = Valid.Replace(original, replacement, StringComparison.Ordinal);
        Assert.NotEqual(Valid, text);

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "tiny.conf"));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains($"tiny.conf:{line}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoScenarioObject_SaysSo()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("# nothing here", "empty.conf"));

        Assert.StartsWith("empty.conf:1:1: scenario:", error.Message, StringComparison.Ordinal);
        Assert.Contains("no 'scenario' object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyBesideTheScenario_IsUnknown()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse("name = x"));

        Assert.Contains("unknown key 'name'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PricePointsAndWalk_Together_IsAnError()
    {
        var text = Valid.Replace("price-points = [{ at = 0h, mid = 60000 }]", "price-points = [{ at = 0h, mid = 60000 }], price { start = 1, volatility = 0 }",
            StringComparison.Ordinal);

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(text, "tiny.conf"));

        Assert.Contains("exactly one of 'price-points'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsScenariosMd_EveryHoconBlock_IsValidHocon()
    {
        var doc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scenarios.md"));
        var blocks = doc.Split("```hocon\n").Skip(1).Select(b => b[..b.IndexOf("```", StringComparison.Ordinal)]).ToArray();

        Assert.True(blocks.Length >= 6, $"docs/scenarios.md has {blocks.Length} hocon examples");
        Assert.All(blocks, b => HoconDocument.Parse(b));
    }
}
