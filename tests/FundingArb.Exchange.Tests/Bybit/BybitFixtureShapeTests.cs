using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FundingArb.Venues.Bybit;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitFixtureShapeTests
{
    [Fact]
    public async Task RestAnswers_UseTheFixturesFieldNamesAndTypes()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);
        var created = await client.PostAsync("/v5/order/create", Order("take-1", "Market", string.Empty));
        await client.PostAsync("/v5/order/create", Order("gone-1", "Limit", "990"));
        var cancelled = await client.PostAsync("/v5/order/cancel", """{"category":"linear","symbol":"BTCUSDT","orderLinkId":"gone-1"}""");
        harness.Advance(TimeSpan.FromHours(8));

        var answers = new (string Fixture, BybitRawAnswer Answer)[]
        {
            ("order-create.json", created),
            ("order-cancel.json", cancelled),
            ("market-time.json", await client.GetAsync("/v5/market/time", string.Empty, signed: false)),
            ("instruments-info.json", await client.GetAsync("/v5/market/instruments-info", "category=linear", signed: false)),
            ("tickers.json", await client.GetAsync("/v5/market/tickers", "category=linear&symbol=BTCUSDT", signed: false)),
            ("orderbook.json", await client.GetAsync("/v5/market/orderbook", "category=linear&symbol=BTCUSDT&limit=5", signed: false)),
            ("funding-history.json", await client.GetAsync("/v5/market/funding/history", "category=linear&symbol=BTCUSDT", signed: false)),
            ("order-realtime.json", await client.GetAsync("/v5/order/realtime", "category=linear&symbol=BTCUSDT&orderLinkId=take-1")),
            ("execution-list.json", await client.GetAsync("/v5/execution/list", "category=linear&orderLinkId=take-1")),
            ("execution-list.json", await client.GetAsync("/v5/execution/list", "category=linear&symbol=BTCUSDT&execType=Funding")),
            ("position-list.json", await client.GetAsync("/v5/position/list", "category=linear&settleCoin=USDT")),
            ("wallet-balance.json", await client.GetAsync("/v5/account/wallet-balance", "accountType=UNIFIED")),
        };

        foreach (var (fixture, answer) in answers)
        {
            Assert.True(answer.RetCode == 0, $"{fixture}: {answer.Body.GetRawText()}");
            Assert.True(answer.Result.EnumerateObject().Any(), $"{fixture}: empty result");
            BybitFixtures.AssertShape(fixture, answer.Body);
        }
    }

    [Fact]
    public async Task StreamMessages_UseTheFixturesFieldNamesAndTypes()
    {
        await using var harness = await BybitHarness.StartAsync();
        using var client = new BybitRawClient(harness);
        using var stop = new CancellationTokenSource(BybitHarness.Deadline);
        var root = harness.Server.Endpoints[0].WebSocketUrl;
        using var publicSocket = new ClientWebSocket();
        using var privateSocket = new ClientWebSocket();
        await publicSocket.ConnectAsync(root, stop.Token);
        await privateSocket.ConnectAsync(new UriBuilder(root) { Path = "/v5/private" }.Uri, stop.Token);
        var expires = harness.Clock.GetUtcNow().AddSeconds(10).ToUnixTimeMilliseconds();

        await SendAsync(publicSocket, """{"op":"subscribe","args":["orderbook.50.BTCUSDT","tickers.BTCUSDT"]}""", stop.Token);
        await SendAsync(privateSocket,
            $$"""{"op":"auth","args":["{{BybitHarness.Account.ApiKey}}",{{expires}},"{{BybitSigner.SignStreamAuth(BybitHarness.Account.ApiSecret, expires)}}"]}""",
            stop.Token);
        Assert.True((await ReceiveAsync(privateSocket, stop.Token)).GetProperty("success").GetBoolean());
        await SendAsync(privateSocket, """{"op":"subscribe","args":["order","execution","position","wallet"]}""", stop.Token);
        Assert.True((await ReceiveAsync(privateSocket, stop.Token)).GetProperty("success").GetBoolean());
        await client.PostAsync("/v5/order/create", Order("take-1", "Market", string.Empty));

        var publicTopics = await TopicsAsync(publicSocket, ["orderbook.50.BTCUSDT", "tickers.BTCUSDT"], stop.Token);
        var privateTopics = await TopicsAsync(privateSocket, ["order", "execution", "position", "wallet"], stop.Token);
        BybitFixtures.AssertShape("ws-orderbook.json", publicTopics["orderbook.50.BTCUSDT"]);
        BybitFixtures.AssertShape("ws-ticker.json", publicTopics["tickers.BTCUSDT"]);
        BybitFixtures.AssertShape("ws-order.json", privateTopics["order"]);
        BybitFixtures.AssertShape("ws-execution.json", privateTopics["execution"]);
        BybitFixtures.AssertShape("ws-position.json", privateTopics["position"]);
        BybitFixtures.AssertShape("ws-wallet.json", privateTopics["wallet"]);
        Assert.Equal("0.1", privateTopics["position"].GetProperty("data")[0].GetProperty("size").GetString());
    }

    private static string Order(string id, string type, string price) =>
        $$"""{"category":"linear","symbol":"BTCUSDT","side":"Buy","orderType":"{{type}}","qty":"0.1"{{(price.Length > 0 ? $",\"price\":\"{price}\"" : "")}},"timeInForce":"{{(type == "Market" ? "IOC" : "GTC")}}","orderLinkId":"{{id}}"}""";

    private static Task SendAsync(ClientWebSocket socket, string message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
        return document.RootElement.Clone();
    }

    // The first message of each topic; ops' answers and other topics are passed over.
    private static async Task<Dictionary<string, JsonElement>> TopicsAsync(ClientWebSocket socket, string[] topics, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, JsonElement>();
        while (seen.Count < topics.Length)
        {
            var message = await ReceiveAsync(socket, cancellationToken);
            if (message.TryGetProperty("topic", out var topic) && topics.Contains(topic.GetString()))
            {
                seen.TryAdd(topic.GetString()!, message);
            }
        }

        return seen;
    }
}
