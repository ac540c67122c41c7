using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Hosting;
using FundingArb.Trading.Positions;

namespace FundingArb.Node.Tests.Exchange;

// A node in its own process whose fundingarb.venues reach the shipped `fundingarb exchange` through the real Binance,
// Bybit and OKX connectors, keys from environment variables, as hocon/node-exchange.conf sets it up.
public sealed class NodeOnExchangeTests : TestKit, IDisposable
{
    private const string KeyVariable = "TEST_EXCHANGE_API_KEY";
    private const string SecretVariable = "TEST_EXCHANGE_API_SECRET";
    private const string PassphraseVariable = "TEST_EXCHANGE_PASSPHRASE";
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-node-exchange-").FullName;
    private readonly HttpClient _http = new();

    public new void Dispose()
    {
        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
        base.Dispose();
    }

    [Fact]
    public async Task A_pair_created_through_the_api_opens_and_both_legs_are_held_at_the_exchange()
    {
        await using var exchange = await ExchangeProcess.StartAsync(_folder, s_start);
        Assert.Equal([("alpha", "binance-usdm"), ("beta", "bybit-v5"), ("gamma", "okx-v5")], exchange.Venues.Select(v => (v.Name, v.Protocol)));
        await using var node = NodeProcess.Start(NodeData, speed: 1,
            new Dictionary<string, string?> { [KeyVariable] = "demo", [SecretVariable] = "demo-secret", [PassphraseVariable] = "demo-pass" },
            "--config", WriteNodeConfig(exchange));
        await WaitForReadyAsync(node);

        using var writer = OperatorPair.Writer(node);
        var id = await OperatorPair.CreateAsync(writer, "BTC", ("alpha", "BTCUSDT"), ("beta", "BTCUSDT"), 2000m);
        await AwaitOpenAsync(node, id);

        var pair = (await GetAsync(node, $"/api/v1/executors/{id}")).GetProperty("executor");
        using var alpha = exchange.Binance();
        using var beta = exchange.Bybit();
        var bought = (await alpha.GetPositionsAsync(CancellationToken.None)).Single(p => p.Key.Symbol.Value == "BTCUSDT");
        var sold = (await beta.GetPositionsAsync(CancellationToken.None)).Single(p => p.Key.Symbol.Value == "BTCUSDT");
        Assert.Equal((PositionSide.Long, pair.GetProperty("long_quantity").GetDecimal()), (bought.Side, bought.Amount));
        Assert.Equal((PositionSide.Short, Math.Abs(pair.GetProperty("short_quantity").GetDecimal())), (sold.Side, sold.Amount));
        var seen = (await GetAsync(node, "/api/v1/positions")).EnumerateArray()
            .Select(p => (p.GetProperty("venue").GetString(), p.GetProperty("symbol").GetString(), p.GetProperty("size").GetDecimal())).ToList();
        Assert.Equal([("alpha", "BTCUSDT", bought.Amount), ("beta", "BTCUSDT", -sold.Amount)], seen.OrderBy(p => p.Item1, StringComparer.Ordinal));
        var trades = (await GetAsync(node, $"/api/v1/trades?executor_id={id}&page_size=500")).GetProperty("items").EnumerateArray()
            .Select(t => (t.GetProperty("venue").GetString(), t.GetProperty("side").GetString(), t.GetProperty("quantity").GetDecimal()))
            .GroupBy(t => (t.Item1, t.Item2)).Select(g => (g.Key.Item1, g.Key.Item2, g.Sum(t => t.Item3))).OrderBy(t => t.Item1, StringComparer.Ordinal).ToList();
        Assert.Equal([("alpha", "Buy", bought.Amount), ("beta", "Sell", sold.Amount)], trades);
        Assert.True((await GetAsync(node, $"/api/v1/orders?executor_id={id}")).GetProperty("total").GetInt32() >= 2);
        var rates = (await GetAsync(node, "/api/v1/funding/rates")).EnumerateArray()
            .Select(v => (v.GetProperty("venue").GetString(), v.GetProperty("connected").GetBoolean(), v.GetProperty("markets").GetArrayLength())).ToList();
        Assert.Equal([("alpha", true, 2), ("beta", true, 2), ("gamma", true, 2)], rates);
        var economics = (await GetAsync(node, "/api/v1/performance")).GetProperty("economics");
        Assert.Equal(["alpha", "beta", "gamma"], economics.GetProperty("uncovered_venues").EnumerateArray().Select(v => v.GetString()));

        // The OKX leg: ETH long on gamma (in contracts on the wire) against a short on beta.
        var secondId = await OperatorPair.CreateAsync(writer, "ETH", ("gamma", "ETH-USDT-SWAP"), ("beta", "ETHUSDT"), 2000m);
        await AwaitOpenAsync(node, secondId);
        var ethPair = (await GetAsync(node, $"/api/v1/executors/{secondId}")).GetProperty("executor");
        using var gamma = exchange.Okx();
        var ethBought = (await gamma.GetPositionsAsync(CancellationToken.None)).Single(p => p.Key.Symbol.Value == "ETH-USDT-SWAP");
        Assert.Equal((PositionSide.Long, ethPair.GetProperty("long_quantity").GetDecimal()), (ethBought.Side, ethBought.Amount));
        Assert.DoesNotContain("demo-secret", node.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("demo-pass", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exchange_killed_mid_entry_and_restarted_leaves_the_pair_hedged_or_flat_with_nothing_doubled()
    {
        var config = WriteExchangeConfigOnFreePorts();
        await using var killed = await ExchangeProcess.StartAsync(_folder, s_start, config);
        await using var node = NodeProcess.Start(NodeData, speed: 1,
            new Dictionary<string, string?> { [KeyVariable] = "demo", [SecretVariable] = "demo-secret", [PassphraseVariable] = "demo-pass" },
            "--config", WriteNodeConfig(killed));
        await WaitForReadyAsync(node);
        using var writer = OperatorPair.Writer(node);

        var id = await OperatorPair.CreateAsync(writer, "BTC", ("alpha", "BTCUSDT"), ("beta", "BTCUSDT"), 2000m);
        await killed.KillAsync();
        await using var restarted = await ExchangeProcess.StartAsync(_folder, s_start, config);

        await AwaitAssertAsync(async () =>
        {
            Assert.False(node.HasExited, node.Output);
            var phase = (await GetAsync(node, $"/api/v1/executors/{id}")).GetProperty("executor").GetProperty("phase").GetString();
            Assert.True(phase is "Open" or "Closed", $"phase {phase}");
        }, TimeSpan.FromSeconds(120), TimeSpan.FromMilliseconds(500));
        var pair = (await GetAsync(node, $"/api/v1/executors/{id}")).GetProperty("executor");
        using var alpha = restarted.Binance();
        using var beta = restarted.Bybit();
        var held = (await alpha.GetPositionsAsync(CancellationToken.None)).Where(p => p.Key.Symbol.Value == "BTCUSDT").Sum(p => p.Amount);
        var sold = (await beta.GetPositionsAsync(CancellationToken.None)).Where(p => p.Key.Symbol.Value == "BTCUSDT").Sum(p => p.Amount);
        Assert.Equal(held, sold);
        Assert.Equal((pair.GetProperty("long_quantity").GetDecimal(), Math.Abs(pair.GetProperty("short_quantity").GetDecimal())), (held, sold));
    }

    [Fact]
    public async Task A_missing_key_variable_stops_the_start_naming_the_venue_and_the_variable()
    {
        var endpoints = new ServedVenueLine("alpha", "binance-usdm", new Uri("http://127.0.0.1:1"), new Uri("ws://127.0.0.1:1"));
        await using var node = NodeProcess.Start(NodeData, speed: 1,
            new Dictionary<string, string?> { [KeyVariable] = "demo", [SecretVariable] = null }, "--config", WriteNodeConfig(endpoints, endpoints with { Name = "beta" }));

        Assert.Equal(1, await node.WaitForExitAsync(s_start));
        Assert.Contains($"fundingarb.venues.alpha.api-secret-env: venue alpha: the environment variable {SecretVariable} is not set", node.Output,
            StringComparison.Ordinal);
    }

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

    // The shipped exchange on three ports free now, so that the restarted exchange answers where the node connects.
    private string WriteExchangeConfigOnFreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0)).ToList();
        listeners.ForEach(l => l.Start());
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        listeners.ForEach(l => l.Stop());
        var path = Path.Combine(_folder, "exchange.conf");
        File.WriteAllText(path, File.ReadAllText(ExchangeProcess.ShippedConfig) + string.Create(CultureInfo.InvariantCulture, $$"""

            fundingarb.exchange.serve = [
              { venue = alpha, protocol = binance-usdm, port = {{ports[0]}} }
              { venue = beta, protocol = bybit-v5, port = {{ports[1]}} }
              { venue = gamma, protocol = okx-v5, port = {{ports[2]}} }
            ]
            """));
        return path;
    }

    private string WriteNodeConfig(ExchangeProcess exchange) =>
        WriteNodeConfig(exchange.Venue("binance-usdm"), exchange.Venue("bybit-v5"), exchange.Venue("okx-v5"));

    // The controller opens nothing by itself (max-pairs = 0): the pair under test is the only one.
    private string WriteNodeConfig(ServedVenueLine alpha, ServedVenueLine beta, ServedVenueLine? gamma = null)
    {
        var okx = gamma is null ? "" : string.Create(CultureInfo.InvariantCulture,
            $"gamma {{ kind = okx-v5, rest-url = \"{gamma.RestUrl}\", ws-url = \"{gamma.WebSocketRoot}\", api-key-env = {KeyVariable}, api-secret-env = {SecretVariable}, passphrase-env = {PassphraseVariable}, simulated-trading = on }}");
        var path = Path.Combine(_folder, "node.conf");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $$"""
            fundingarb.node.name = node-on-exchange
            fundingarb.venues {
              alpha { kind = binance-usdm, rest-url = "{{alpha.RestUrl}}", ws-url = "{{alpha.WebSocketRoot}}", api-key-env = {{KeyVariable}}, api-secret-env = {{SecretVariable}} }
              beta { kind = bybit-v5, rest-url = "{{beta.RestUrl}}", ws-url = "{{beta.WebSocketRoot}}", api-key-env = {{KeyVariable}}, api-secret-env = {{SecretVariable}} }
              {{okx}}
            }
            strategy.funding-arb { assets = [BTC, ETH], max-pairs = 0 }
            """));
        return path;
    }
}
