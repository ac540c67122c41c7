using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Hosting;

namespace FundingArb.Node.Tests.Exchange;

// A node in its own process with two paper venues on the shipped `fundingarb exchange`: market data from the exchange
// through the Binance and Bybit connectors, no key variables at all, and every order filled by the node's paper accounts.
public sealed class NodeOnPaperTests : TestKit, IDisposable
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-node-paper-").FullName;
    private readonly HttpClient _http = new();

    public new void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }

    [Fact]
    public async Task A_pair_on_two_paper_venues_opens_hedged_in_the_paper_accounts_sends_nothing_to_the_exchange_and_survives_a_restart()
    {
        await using var exchange = await ExchangeProcess.StartAsync(_folder, s_start);
        var config = WriteNodeConfig(exchange);
        string id;
        (decimal Long, decimal Short) held;
        await using (var node = NodeProcess.Start(NodeData, speed: 1, "--config", config))
        {
            await WaitForReadyAsync(node);
            using var writer = OperatorPair.Writer(node);
            id = await OperatorPair.CreateAsync(writer, "BTC", ("alpha", "BTCUSDT"), ("beta", "BTCUSDT"), 2000m);
            await AwaitOpenAsync(node, id);

            var pair = (await GetAsync(node, $"/api/v1/executors/{id}")).GetProperty("executor");
            held = (pair.GetProperty("long_quantity").GetDecimal(), Math.Abs(pair.GetProperty("short_quantity").GetDecimal()));
            Assert.True(held.Long > 0m, "the long leg holds nothing");
            Assert.Equal(held.Long, held.Short);
            Assert.Equal([("alpha", held.Long), ("beta", -held.Short)], await PositionsAsync(node));
            var venues = (await GetAsync(node, "/api/v1/funding/rates")).EnumerateArray()
                .Select(v => (v.GetProperty("venue").GetString(), v.GetProperty("mode").GetString(), v.GetProperty("connected").GetBoolean())).ToList();
            Assert.Equal([("alpha", "paper", true), ("beta", "paper", true)], venues);
            Assert.Contains("Venue alpha: BinanceUsdm on paper", node.Output, StringComparison.Ordinal);
            node.Terminate();
            Assert.Equal(0, await node.WaitForExitAsync(s_start));
        }

        using var alpha = exchange.Binance();
        using var beta = exchange.Bybit();
        Assert.Empty(await alpha.GetPositionsAsync(CancellationToken.None));
        Assert.Empty(await beta.GetPositionsAsync(CancellationToken.None));
        Assert.Empty(await alpha.GetOpenOrdersAsync(CancellationToken.None));
        Assert.Empty(await beta.GetOpenOrdersAsync(CancellationToken.None));
        Assert.True(File.Exists(Path.Combine(NodeData, "venues", "alpha.paper.json")));

        await using var restarted = NodeProcess.Start(NodeData, speed: 1, "--config", config);
        await WaitForReadyAsync(restarted);
        Assert.Equal([("alpha", held.Long), ("beta", -held.Short)], await PositionsAsync(restarted));
        Assert.Equal("Open", (await GetAsync(restarted, $"/api/v1/executors/{id}")).GetProperty("executor").GetProperty("phase").GetString());
    }

    private async Task<List<(string?, decimal)>> PositionsAsync(NodeProcess node) =>
        [.. (await GetAsync(node, "/api/v1/positions")).EnumerateArray()
            .Select(p => (p.GetProperty("venue").GetString(), p.GetProperty("size").GetDecimal())).OrderBy(p => p.Item1, StringComparer.Ordinal)];

    private Task AwaitOpenAsync(NodeProcess node, string id) => AwaitAssertAsync(async () =>
    {
        Assert.False(node.HasExited, node.Output);
        Assert.Equal("Open", (await GetAsync(node, $"/api/v1/executors/{id}")).GetProperty("executor").GetProperty("phase").GetString());
    }, s_trading, TimeSpan.FromMilliseconds(250));

    private string NodeData => Directory.CreateDirectory(Path.Combine(_folder, "node")).FullName;

    private Task WaitForReadyAsync(NodeProcess node) => AwaitAssertAsync(async () =>
    {
        Assert.False(node.HasExited, node.Output);
        Assert.True((await _http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"))).IsSuccessStatusCode);
    }, s_start, TimeSpan.FromMilliseconds(200));

    private async Task<JsonElement> GetAsync(NodeProcess node, string path)
    {
        var response = await _http.GetAsync(new Uri(node.BaseAddress, path));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // No key variables anywhere: paper mode must not need them. The controller opens nothing by itself (max-pairs = 0).
    private string WriteNodeConfig(ExchangeProcess exchange)
    {
        var (alpha, beta) = (exchange.Venue("binance-usdm"), exchange.Venue("bybit-v5"));
        var path = Path.Combine(_folder, "node.conf");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            fundingarb.node.name = node-on-paper
            fundingarb.venues {
              alpha { kind = binance-usdm, mode = paper, rest-url = "{{alpha.RestUrl}}", ws-url = "{{alpha.WebSocketRoot}}", paper { balances { USDT = 50000 }, funding-poll-interval = 1s } }
              beta { kind = bybit-v5, mode = paper, rest-url = "{{beta.RestUrl}}", ws-url = "{{beta.WebSocketRoot}}", paper { balances { USDT = 50000 }, funding-poll-interval = 1s } }
            }
            strategy.funding-arb { assets = [BTC], max-pairs = 0 }
            """));
        return path;
    }
}
