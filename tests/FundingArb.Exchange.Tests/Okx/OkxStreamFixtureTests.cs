using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Okx;

namespace FundingArb.Exchange.Tests.Okx;

/// The okx-v5 server's WebSocket frames have the recorded fixtures' field names and JSON types; its keep-alive is the
/// bare text ping answered by pong.
public sealed class OkxStreamFixtureTests
{
    [Fact]
    public async Task PublicStream_Books5_SubscribeReplyAndPushHaveTheFixturesShapes()
    {
        await using var exchange = await OkxExchange.StartAsync();
        await using var socket = await OkxRawSocket.ConnectAsync(exchange, "/ws/v5/public");

        await socket.SendAsync("""{"op":"subscribe","args":[{"channel":"books5","instId":"BTC-USDT-SWAP"}]}""");

        using var reply = await socket.ReceiveAsync(m => m.TryGetProperty("event", out _));
        using var push = await socket.ReceiveAsync(m => m.TryGetProperty("data", out _));
        using var expectedReply = JsonShape.Fixture("ws-subscribe.json");
        using var expectedPush = JsonShape.Fixture("ws-books5.json");
        Assert.Equal(JsonShape.Of(expectedReply.RootElement), JsonShape.Of(reply.RootElement));
        Assert.Equal(JsonShape.Of(expectedPush.RootElement), JsonShape.Of(push.RootElement));
    }

    [Fact]
    public async Task PublicStream_TextPing_IsAnsweredWithPong()
    {
        await using var exchange = await OkxExchange.StartAsync();
        await using var socket = await OkxRawSocket.ConnectAsync(exchange, "/ws/v5/public");

        await socket.SendAsync("ping");

        Assert.Equal("pong", await socket.ReceiveTextAsync());
    }

    [Fact]
    public async Task PrivateStream_LoginAndOrdersPushes_HaveTheFixturesShapes()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await using var socket = await LoggedInAsync(exchange);

        using var loggedIn = await socket.ReceiveAsync(m => m.TryGetProperty("event", out _));
        await socket.SendAsync("""{"op":"subscribe","args":[{"channel":"orders","instType":"SWAP"}]}""");
        using var subscribed = await socket.ReceiveAsync(m => m.TryGetProperty("event", out _));
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("wsfill"), instrument, OrderSide.Buy, 0.05m), Deadline.Seconds(10));
        using var fill = await socket.ReceiveAsync(m => IsOrder(m, "filled"));
        await exchange.Connector.PlaceOrderAsync(OrderRequest.PostOnly(new ClientOrderId("wspo"), instrument, OrderSide.Buy, 0.01m, 61000m), Deadline.Seconds(10));
        using var canceled = await socket.ReceiveAsync(m => IsOrder(m, "canceled"));

        using var expectedLogin = JsonShape.Fixture("ws-login.json");
        using var expectedFill = JsonShape.Fixture("ws-orders-fill.json");
        using var expectedCanceled = JsonShape.Fixture("ws-orders-post-only-canceled.json");
        Assert.Equal(JsonShape.Of(expectedLogin.RootElement), JsonShape.Of(loggedIn.RootElement));
        Assert.Equal("subscribe", subscribed.RootElement.GetProperty("event").GetString());
        Assert.Equal(JsonShape.Of(expectedFill.RootElement), JsonShape.Of(fill.RootElement));
        Assert.Equal(JsonShape.Of(expectedCanceled.RootElement), JsonShape.Of(canceled.RootElement));
        Assert.Equal(OkxCode.PostOnlyCancelSource, canceled.RootElement.GetProperty("data")[0].GetProperty("cancelSource").GetString());
    }

    [Fact]
    public async Task PrivateStream_Fill_PushesThePositionInContractsAndTheAccount()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await using var socket = await LoggedInAsync(exchange);
        await socket.SendAsync("""{"op":"subscribe","args":[{"channel":"positions","instType":"SWAP"},{"channel":"account"}]}""");
        for (var reply = 0; reply < 3; reply++)
        {
            // The login's, then one per channel: once both are confirmed, both are subscribed.
            (await socket.ReceiveAsync(m => m.TryGetProperty("event", out _))).Dispose();
        }

        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("wspos"), instrument, OrderSide.Sell, 0.05m), Deadline.Seconds(10));

        using var position = await socket.ReceiveAsync(m => IsChannel(m, "positions"));
        using var account = await socket.ReceiveAsync(m => IsChannel(m, "account"));
        Assert.Equal(OkxExchange.InstId.Value, position.RootElement.GetProperty("data")[0].GetProperty("instId").GetString());
        using var expectedPosition = JsonShape.Fixture("positions.json");
        using var expectedBalance = JsonShape.Fixture("balance.json");
        Assert.Equal("-5", position.RootElement.GetProperty("data")[0].GetProperty("pos").GetString());
        Assert.Equal(JsonShape.Of(expectedPosition.RootElement.GetProperty("data")), JsonShape.Of(position.RootElement.GetProperty("data")));
        Assert.Equal(JsonShape.Of(expectedBalance.RootElement.GetProperty("data")), JsonShape.Of(account.RootElement.GetProperty("data")));
    }

    private static async Task<OkxRawSocket> LoggedInAsync(OkxExchange exchange)
    {
        var socket = await OkxRawSocket.ConnectAsync(exchange, "/ws/v5/private");
        var seconds = (await OkxRaw.ServerTimeAsync(exchange)).ToUnixTimeSeconds();
        var login = new JsonObject
        {
            ["op"] = "login",
            ["args"] = new JsonArray(new JsonObject
            {
                ["apiKey"] = OkxExchange.Account.ApiKey, ["passphrase"] = OkxExchange.Account.Passphrase,
                ["timestamp"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["sign"] = OkxSigner.SignLogin(OkxExchange.Account.ApiSecret, seconds),
            }),
        };
        await socket.SendAsync(login.ToJsonString());
        return socket;
    }

    private static bool IsChannel(JsonElement message, string channel) =>
        message.TryGetProperty("arg", out var arg) && message.TryGetProperty("data", out _) && arg.GetProperty("channel").GetString() == channel;

    private static bool IsOrder(JsonElement message, string state) =>
        message.TryGetProperty("data", out var data) && data[0].TryGetProperty("state", out var s) && s.GetString() == state;
}
