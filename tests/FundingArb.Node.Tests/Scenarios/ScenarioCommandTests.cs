using System.Text.Json;
using FundingArb.Node.Scenarios;

namespace FundingArb.Node.Tests.Scenarios;

public sealed class ScenarioCommandTests : IDisposable
{
    private const string Scenario = """
        scenario {
          name = cli-two-venues
          seed = 11
          start = "2026-03-02T00:00:00Z"
          duration = 6h
          venues = [
            { name = alpha, funding-interval = 8h, maker-fee = 0.0002, taker-fee = 0.0005
              balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001 }] }
            { name = beta, funding-interval = 1h, maker-fee = 0.0002, taker-fee = 0.0005
              balances { USDT = 100000 }
              instruments = [{ symbol = BTCUSDT, base = BTC, quote = USDT, tick-size = 0.1, step-size = 0.001, min-size = 0.001 }] }
          ]
          markets = [
            { venue = alpha, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60000 }], depth { levels = 10, quote-per-level = 500000 },
              funding = [{ at = 0h, rate = 0.0001 }] }
            { venue = beta, symbol = BTCUSDT, price-points = [{ at = 0h, mid = 60000 }], depth { levels = 10, quote-per-level = 500000 },
              funding = [{ at = 0h, rate = 0.0001 }] }
          ]
          faults = [{ at = 3h, kind = crash-and-restart }]
          strategy { funding-arb { assets = [BTC], size-quote = 6000, scan-interval = 1m, execution { mode = market-only } } }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-scenario-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_ValidScenario_WritesTheReportWithEveryContractField()
    {
        var file = Write("two.conf", Scenario);
        var report = Path.Combine(_folder, "report.json");

        var (code, _, error) = await RunAsync("scenario", "run", file, "--out", report);

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(report));
        var root = json.RootElement;
        Assert.Equal(("cli-two-venues", 11), (root.GetProperty("scenario").GetString(), root.GetProperty("seed").GetInt32()));
        var executor = Assert.Single(root.GetProperty("executors").EnumerateArray());
        foreach (var field in new[] { "id", "type", "symbol", "long_venue", "short_venue", "status", "close_type", "opened_at", "closed_at", "size_quote",
            "funding_quote", "fees_quote", "trade_pnl_quote", "net_pnl_quote", "close_reason" })
        {
            Assert.True(executor.TryGetProperty(field, out _), $"executors[] lacks {field}");
        }

        var order = root.GetProperty("orders").EnumerateArray().First();
        foreach (var field in new[] { "venue", "symbol", "client_order_id", "side", "type", "reduce_only", "size", "filled", "avg_price", "status" })
        {
            Assert.True(order.TryGetProperty(field, out _), $"orders[] lacks {field}");
        }

        Assert.Equal(1, root.GetProperty("journal").GetProperty("recoveries").GetInt32());
        Assert.Equal(0, root.GetProperty("duplicate_client_order_ids").GetInt32());
        Assert.True(root.GetProperty("exposure").TryGetProperty("max_unhedged_seconds", out _));
        Assert.True(root.GetProperty("performance").TryGetProperty("sharpe", out _));
        var economics = root.GetProperty("economics");
        foreach (var field in new[] { "funding_quote", "fees_quote", "slippage_quote", "basis_quote", "net_quote", "round_trips", "fee_to_funding_ratio",
            "oracle_quote", "capture_ratio" })
        {
            Assert.True(economics.TryGetProperty(field, out _), $"economics lacks {field}");
        }
    }

    [Fact]
    public async Task Run_SqliteJournal_GivesTheSameReportAsMemory()
    {
        var file = Write("two.conf", Scenario);

        var (memoryCode, memory, _) = await RunAsync("scenario", "run", file);
        var (sqliteCode, sqlite, error) = await RunAsync("scenario", "run", file, "--journal", $"sqlite:{Path.Combine(_folder, "journal.db")}");

        Assert.Equal((0, 0), (memoryCode, sqliteCode));
        Assert.True(sqlite == memory, error);
        Assert.Contains("\"events\":", memory, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_SeedOption_ReplacesTheFilesSeed()
    {
        var file = Write("two.conf", Scenario);

        var (_, report, _) = await RunAsync("scenario", "run", file, "--seed", "99");

        Assert.Contains("\"seed\": 99", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownKey_ExitsOneNamingTheKeyAndLine()
    {
        var file = Write("bad.conf", Scenario.Replace("duration = 6h", "duration = 6h\n  durration = 7h", StringComparison.Ordinal));

        var (code, _, error) = await RunAsync("scenario", "run", file);

        Assert.Equal(1, code);
        Assert.Contains("durration", error, StringComparison.Ordinal);
        Assert.Contains("bad.conf:6", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seed", "many", "--seed: 'many'")]
    [InlineData("--journal", "postgres", "--journal: 'postgres'")]
    [InlineData("--colour", "red", "unknown option '--colour'")]
    [InlineData("--protocol", "okx-v5", "--protocol: only with --via-exchange")]
    public async Task Run_BadOption_ExitsTwoNamingOptionAndValue(string option, string value, string expected)
    {
        var (code, _, error) = await RunAsync("scenario", "run", Write("two.conf", Scenario), option, value);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ViaExchange_WritesTheReportOfTheVenuesBehindTheExchange()
    {
        var file = Write("two.conf", Scenario);

        var (code, report, error) = await RunAsync("scenario", "run", file, "--via-exchange", "--protocol", "okx-v5");

        Assert.True(code == 0, error);
        Assert.Contains("\"scenario\": \"cli-two-venues\"", report, StringComparison.Ordinal);
        Assert.Contains("\"duplicate_client_order_ids\": 0", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ViaExchangeWithUnknownProtocol_ExitsTwoNamingIt()
    {
        var (code, _, error) = await RunAsync("scenario", "run", Write("two.conf", Scenario), "--via-exchange", "--protocol", "ftx");

        Assert.Equal(2, code);
        Assert.Contains("--protocol: 'ftx'", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ScenarioCommand.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
