using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using FundingArb.Trading.Orders;
using FundingArb.Venues;
using FundingArb.Venues.Binance;

namespace FundingArb.Exchange.Tests.Binance;

// The fixtures are Binance's documented examples (Fixtures/binance). The server must answer in their shape; where it
// leaves out a documented field the simulator has no figure for, the omission is listed here, so any other drift fails.
public sealed class BinanceFixtureTests
{
    [Theory]
    [InlineData("time.json", "GET", "/fapi/v1/time", "", "None")]
    [InlineData("error.json", "GET", "/fapi/v1/premiumIndex", "symbol=NOPE", "None")]
    [InlineData("exchangeInfo.json", "GET", "/fapi/v1/exchangeInfo", "", "None", "missing .assets", "missing .symbols[].deliveryDate",
        "missing .symbols[].onboardDate", "missing .symbols[].maintMarginPercent", "missing .symbols[].requiredMarginPercent",
        "missing .symbols[].baseAssetPrecision", "missing .symbols[].quotePrecision", "missing .symbols[].underlyingType",
        "missing .symbols[].underlyingSubType", "missing .symbols[].settlePlan", "missing .symbols[].triggerProtect",
        "missing .symbols[].filters[MARKET_LOT_SIZE]", "missing .symbols[].filters[MAX_NUM_ORDERS]", "missing .symbols[].filters[MAX_NUM_ALGO_ORDERS]",
        "missing .symbols[].liquidationFee", "missing .symbols[].marketTakeBound")]
    [InlineData("premiumIndex.json", "GET", "/fapi/v1/premiumIndex", "symbol=BTCUSDT", "None")]
    [InlineData("fundingInfo.json", "GET", "/fapi/v1/fundingInfo", "", "None")]
    [InlineData("fundingRate.json", "GET", "/fapi/v1/fundingRate", "symbol=BTCUSDT", "None")]
    [InlineData("depth.json", "GET", "/fapi/v1/depth", "symbol=BTCUSDT&limit=5", "None")]
    [InlineData("order.json", "GET", "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=fixture-1", "Signed", "missing .activatePrice", "missing .priceRate")]
    [InlineData("userTrades.json", "GET", "/fapi/v1/userTrades", "symbol=BTCUSDT", "Signed", "missing [].realizedPnl")]
    [InlineData("positionRisk.json", "GET", "/fapi/v2/positionRisk", "", "Signed")]
    [InlineData("balance.json", "GET", "/fapi/v2/balance", "", "Signed")]
    [InlineData("income.json", "GET", "/fapi/v1/income", "incomeType=FUNDING_FEE", "Signed")]
    [InlineData("listenKey.json", "POST", "/fapi/v1/listenKey", "", "ApiKey")]
    public async Task RestAnswer_HasTheFixturesFieldsAndTypes(string fixture, string method, string path, string query, string auth, params string[] omitted)
    {
        await using var harness = await StartTradedAsync();
        using var rest = new BinanceRestClient(Options(harness), new HttpClient(), harness.ClientClock);
        var call = new BinanceCall(new HttpMethod(method), path, Pairs(query), Enum.Parse<BinanceAuth>(auth), 1);

        var answer = auth == "None" && fixture == "error.json"
            ? await RawAsync(harness, path, query)
            : await rest.SendAsync(call, BinanceHarness.Guard());

        Assert.Equal(omitted, JsonShape.Differences(Fixture(fixture), answer));
    }

    [Theory]
    [InlineData("ws-markPriceUpdate.json", "/market/ws/btcusdt@markPrice")]
    [InlineData("ws-depthUpdate.json", "/public/ws/btcusdt@depth5@100ms")]
    public async Task MarketStreamMessage_HasTheFixturesFieldsAndTypes(string fixture, string path)
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(harness.Endpoint.WebSocketUrl, path), BinanceHarness.Guard());

        var message = await ReadAsync(socket);

        Assert.Empty(JsonShape.Differences(Fixture(fixture), message));
    }

    [Fact]
    public async Task UserStreamMessages_HaveTheFixturesFieldsAndTypes()
    {
        await using var harness = await BinanceHarness.StartAsync();
        using var rest = new BinanceRestClient(Options(harness), new HttpClient(), harness.ClientClock);
        var key = (await rest.SendAsync(new BinanceCall(HttpMethod.Post, "/fapi/v1/listenKey", [], BinanceAuth.ApiKey, 1), BinanceHarness.Guard()))
            .GetProperty("listenKey").GetString();
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(harness.Endpoint.WebSocketUrl, $"/private/ws?listenKey={key}"), BinanceHarness.Guard());

        await harness.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("fixture-2"), BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m), BinanceHarness.Guard());
        var accepted = await ReadAsync(socket);
        var filled = await ReadAsync(socket);
        harness.ServerClock.Advance(TimeSpan.FromMinutes(1));
        var funding = await ReadAsync(socket);

        Assert.Equal(["missing .o.AP", "missing .o.cr"], JsonShape.Differences(Fixture("ws-ORDER_TRADE_UPDATE.json"), accepted));
        Assert.Equal(["missing .o.AP", "missing .o.cr"], JsonShape.Differences(Fixture("ws-ORDER_TRADE_UPDATE.json"), filled));
        Assert.Equal(["missing .a.P[].bep"], JsonShape.Differences(Fixture("ws-ACCOUNT_UPDATE.json"), funding));
    }

    [Fact]
    public void Parsers_ReadTheDocumentedExamples()
    {
        var venue = BinanceHarness.VenueId;

        var instrument = Assert.Single(BinanceMarketParser.Instruments(venue, Fixture("exchangeInfo.json")));
        var funding = BinanceMarketParser.Funding(venue, Fixture("premiumIndex.json"), TimeSpan.FromHours(8));
        var intervals = BinanceMarketParser.FundingIntervals(Fixture("fundingInfo.json"));
        var book = BinanceMarketParser.Book(venue, BinanceHarness.Btc, Fixture("depth.json"), 5);
        var ack = BinanceOrderParser.Ack(Fixture("order.json"));
        var balance = BinanceOrderParser.Balance(Fixture("balance.json")[0]);
        var fill = Assert.IsType<OrderFilled>(BinanceUserEventParser.OrderTradeUpdate(venue, 1, Fixture("ws-ORDER_TRADE_UPDATE.json")));
        var fee = Assert.Single(BinanceUserEventParser.FundingFees(Fixture("ws-ACCOUNT_UPDATE.json")));

        Assert.Equal(("BLZUSDT", 0.0001m, 1m, 1m, 5.0m, 0.15m, true), (instrument.Symbol.Value, instrument.Rules.TickSize, instrument.Rules.StepSize,
            instrument.Rules.MinSize, instrument.Rules.MinNotional, instrument.Rules.PriceBand, instrument.IsTradable));
        Assert.Equal((0.00038246m, 11793.63104562m, 11781.80495970m, DateTimeOffset.FromUnixTimeMilliseconds(1597392000000)),
            (funding.Rate.Rate, funding.MarkPrice, funding.IndexPrice, funding.NextFundingTime));
        Assert.Equal(TimeSpan.FromHours(4), intervals[new Trading.Instruments.Symbol("BLZUSDT")]);
        Assert.Equal((1027024L, 4.00000000m, 4.00000200m), (book.Sequence, book.BestBid, book.BestAsk));
        Assert.Equal(("testOrder", "22542179", OrderStatus.Open), (ack.ClientOrderId.Value, ack.VenueOrderId, ack.Status));
        Assert.Equal((122607.35137903m, 23.72469206m), (balance.Wallet, balance.Available));
        Assert.Equal(("8886", 7103.04m, 0.001m, 0.00142060m, LiquidityRole.Maker, OrderStatus.Filled),
            (fill.Fill.TradeId, fill.Fill.Price, fill.Fill.Quantity, fill.Fill.Fee.Amount, fill.Fill.Role, fill.Status));
        Assert.Equal(("BTCUSDT", 1.000m, -3.00000000m), (fee.Symbol.Value, fee.Position, fee.Amount));
    }

    private static async Task<BinanceHarness> StartTradedAsync()
    {
        var harness = await BinanceHarness.StartAsync();
        await harness.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("fixture-1"), BinanceHarness.BtcUsdt, OrderSide.Buy, 0.01m),
            BinanceHarness.Guard());
        harness.ServerClock.Advance(TimeSpan.FromMinutes(1));
        return harness;
    }

    private static BinanceUsdmOptions Options(BinanceHarness harness) =>
        new(BinanceHarness.VenueId, harness.Endpoint.RestUrl, harness.Endpoint.WebSocketUrl, BinanceHarness.ApiKey, BinanceHarness.ApiSecret);

    private static async Task<JsonElement> RawAsync(BinanceHarness harness, string path, string query)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(harness.Endpoint.RestUrl, $"{path}?{query}"), BinanceHarness.Guard());
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(BinanceHarness.Guard()));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        return document.RootElement.Clone();
    }

    private static async Task<JsonElement> ReadAsync(WebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        WebSocketReceiveResult received;
        do
        {
            received = await socket.ReceiveAsync(new ArraySegment<byte>(buffer, length, buffer.Length - length), BinanceHarness.Guard());
            length += received.Count;
        }
        while (!received.EndOfMessage);

        using var document = JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length));
        return document.RootElement.Clone();
    }

    private static List<KeyValuePair<string, string>> Pairs(string query) =>
        [.. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).Select(p => new KeyValuePair<string, string>(p[0], p[1]))];

    private static JsonElement Fixture(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "binance", name)));
        return document.RootElement.Clone();
    }
}
