using System.Text.Json;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Simulation;

namespace FundingArb.Exchange.Tests.Okx;

/// The recorded OKX payloads (Fixtures/okx, written from OKX's documented examples): the server answers in exactly their
/// field names and JSON types, and the connector reads them to the figures they state.
public sealed class OkxFixtureTests
{
    private static readonly VenueId s_okx = new("okx");

    // A venue with history: a 5-contract market buy (fx1) settled once at 08:00, a resting limit (fx2).
    [Theory]
    [InlineData("time.json", "GET", "/api/v5/public/time", "")]
    [InlineData("instruments.json", "GET", "/api/v5/public/instruments?instType=SWAP", "")]
    [InlineData("funding-rate.json", "GET", "/api/v5/public/funding-rate?instId=BTC-USDT-SWAP", "")]
    [InlineData("funding-rate-history.json", "GET", "/api/v5/public/funding-rate-history?instId=BTC-USDT-SWAP", "")]
    [InlineData("mark-price.json", "GET", "/api/v5/public/mark-price?instType=SWAP&instId=BTC-USDT-SWAP", "")]
    [InlineData("index-tickers.json", "GET", "/api/v5/market/index-tickers?instId=BTC-USDT", "")]
    [InlineData("books.json", "GET", "/api/v5/market/books?instId=BTC-USDT-SWAP&sz=1", "")]
    [InlineData("order.json", "GET", "/api/v5/trade/order?instId=BTC-USDT-SWAP&clOrdId=fx1", "")]
    [InlineData("fills.json", "GET", "/api/v5/trade/fills?instType=SWAP&instId=BTC-USDT-SWAP", "")]
    [InlineData("positions.json", "GET", "/api/v5/account/positions?instType=SWAP", "")]
    [InlineData("balance.json", "GET", "/api/v5/account/balance", "")]
    [InlineData("bills.json", "GET", "/api/v5/account/bills?instType=SWAP&type=8", "")]
    [InlineData("order-placed.json", "POST", "/api/v5/trade/order",
        """{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"sell","ordType":"post_only","sz":"1","px":"61000","clOrdId":"fx3"}""")]
    [InlineData("order-refused.json", "POST", "/api/v5/trade/order",
        """{"instId":"BTC-USDT-SWAP","tdMode":"cross","side":"buy","ordType":"limit","sz":"10000","px":"59000","clOrdId":"fx4"}""")]
    [InlineData("cancel-order.json", "POST", "/api/v5/trade/cancel-order", """{"instId":"BTC-USDT-SWAP","clOrdId":"fx2"}""")]
    public async Task ServerAnswer_HasTheFixturesFieldsAndTypes(string fixture, string method, string requestPath, string body)
    {
        var clock = new VirtualClock(OkxExchange.VirtualStart);
        await using var exchange = await OkxExchange.StartAsync(clock);
        var instrument = await OkxV5VenueTests.InstrumentAsync(exchange);
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("fx1"), instrument, OrderSide.Buy, 0.05m), Deadline.Seconds(10));
        await exchange.Connector.PlaceOrderAsync(OrderRequest.Limit(new ClientOrderId("fx2"), instrument, OrderSide.Buy, 0.01m, 58000m), Deadline.Seconds(10));
        clock.AdvanceTo(OkxExchange.VirtualStart.AddHours(8));
        var now = await OkxRaw.ServerTimeAsync(exchange);

        var (_, answer) = await OkxRaw.SendAsync(exchange, new HttpMethod(method), requestPath, body,
            requestPath.Contains("/public/", StringComparison.Ordinal) || requestPath.Contains("/market/", StringComparison.Ordinal)
                ? null
                : m => OkxRaw.Sign(m, OkxExchange.Account.ApiSecret, OkxExchange.Account.Passphrase!, now, requestPath, body));

        using var expected = JsonShape.Fixture(fixture);
        Assert.Equal(JsonShape.Of(expected.RootElement), JsonShape.Of(answer.RootElement));
    }

    [Fact]
    public async Task ServerRefusal_BadSignature_HasTheFixturesFieldsAndTypes()
    {
        await using var exchange = await OkxExchange.StartAsync();
        var now = await OkxRaw.ServerTimeAsync(exchange);

        var (_, answer) = await OkxRaw.SendAsync(exchange, HttpMethod.Get, "/api/v5/account/balance", string.Empty,
            m => OkxRaw.Sign(m, "not-the-secret", OkxExchange.Account.Passphrase!, now, "/api/v5/account/balance", string.Empty));

        using var expected = JsonShape.Fixture("error-invalid-sign.json");
        Assert.Equal(JsonShape.Of(expected.RootElement), JsonShape.Of(answer.RootElement));
    }

    [Fact]
    public void Instrument_Fixture_IsAContractOf001Btc()
    {
        var instrument = Instrument();

        Assert.Equal((new Symbol("BTC-USDT-SWAP"), "BTC", "USDT", true), (instrument.Symbol, instrument.Base.Code, instrument.Quote.Code, instrument.IsTradable));
        Assert.Equal((0.1m, 1m, 1m, 0.01m, 0.01m), (instrument.Rules.TickSize, instrument.Rules.StepSize, instrument.Rules.MinSize,
            instrument.Rules.ContractMultiplier, instrument.Rules.BaseStep));
    }

    [Fact]
    public void Funding_Fixture_IsTheCurrentRateOverAnEightHourInterval()
    {
        using var rate = JsonShape.Fixture("funding-rate.json");
        var mark = Mark();

        var funding = OkxMarketReader.Funding(s_okx, Data(rate), mark);

        Assert.Equal((0.0000792386885340m, TimeSpan.FromHours(8), 0.0000792386885340m), (funding.Rate.Rate, funding.Interval, funding.PredictedNextRate));
        Assert.Equal((DateTimeOffset.FromUnixTimeMilliseconds(1703088000000), 43571.3m, 43565.2m), (funding.NextFundingTime, funding.MarkPrice, funding.IndexPrice));
    }

    [Fact]
    public void Book_Fixture_SizesAreContractsTimesCtVal()
    {
        using var books = JsonShape.Fixture("books.json");

        var book = OkxMarketReader.Book(s_okx, Instrument(), Data(books), 5);

        Assert.Equal((43571.3m, 0.03m, 43571.4m, 0.08m, 1234567L), (book.Bids[0].Price, book.Bids[0].Size, book.Asks[0].Price, book.Asks[0].Size, book.Sequence));
    }

    [Fact]
    public void Order_FixtureWithItsFills_IsAFilledBuyOf005BtcWithAPositiveFee()
    {
        using var order = JsonShape.Fixture("order.json");
        using var fills = JsonShape.Fixture("fills.json");
        var instrument = Instrument();
        var id = new ClientOrderId("oktswap6");

        var tracked = OkxOrderReader.Order(Data(order), instrument, [OkxOrderReader.Fill(Data(fills), instrument, id)]);

        Assert.Equal((OrderStatus.Filled, OrderType.Market, 0.05m, 0.05m, "312269865356374016"), (tracked.Status, tracked.Request.Type,
            tracked.Request.Quantity, tracked.FilledQuantity, tracked.VenueOrderId));
        Assert.Equal((0.1089285m, LiquidityRole.Taker), (tracked.Fills[0].Fee.Amount, tracked.Fills[0].Role));
    }

    [Fact]
    public void Position_Fixture_IsAShortWithItsFeesAndFunding()
    {
        using var positions = JsonShape.Fixture("positions.json");

        var position = OkxMarketReader.Position(s_okx, Instrument(), Data(positions));

        Assert.Equal(((PositionSide?)PositionSide.Short, 0.05m, 0.1089285m, 0.0172m, 0.565m), (position.Side, position.Amount, position.Fees, position.FundingPnl,
            position.UnrealizedPnl));
    }

    [Fact]
    public void Balance_Fixture_IsCashUplAndMargins()
    {
        using var balance = JsonShape.Fixture("balance.json");

        var read = OkxMarketReader.Balance(Data(balance).GetProperty("details")[0]);

        Assert.Equal(new VenueBalance(new Asset("USDT"), 99999.891m, 0.565m, 217.8m, 10.5m), read);
    }

    [Fact]
    public void FundingBill_ExpenseAtAPositiveRate_IsPaidByALong()
    {
        using var bills = JsonShape.Fixture("bills.json");

        var payment = OkxMarketReader.Funding(s_okx, Instrument(), Data(bills), 0.0001m);

        Assert.Equal((PositionSide.Long, 0.04m, 43570m, -0.17428m, DateTimeOffset.FromUnixTimeMilliseconds(1703088000000)), (payment.Side, payment.Size,
            payment.Price, payment.Amount, payment.At));
    }

    [Fact]
    public void OrdersPush_Fill_IsOneFillOfTheWholeOrder()
    {
        using var push = JsonShape.Fixture("ws-orders-fill.json");
        var sequence = 0L;

        var events = OkxOrderReader.Events(s_okx, Instrument(), Data(push), () => ++sequence).ToArray();

        var filled = Assert.IsType<OrderFilled>(Assert.Single(events));
        Assert.Equal((OrderStatus.Filled, 0.05m, 0.05m, 43571.4m, "1518905529"), (filled.Status, filled.FilledQuantity, filled.Fill.Quantity, filled.Fill.Price,
            filled.Fill.TradeId));
    }

    [Fact]
    public void OrdersPush_PostOnlyCanceledBySource31_IsCanceledAsPostOnlyWouldCross()
    {
        using var push = JsonShape.Fixture("ws-orders-post-only-canceled.json");
        var sequence = 0L;

        var events = OkxOrderReader.Events(s_okx, Instrument(), Data(push), () => ++sequence).ToArray();

        var canceled = Assert.IsType<OrderUpdated>(Assert.Single(events));
        Assert.Equal((OrderStatus.Canceled, nameof(VenueError.PostOnlyWouldCross)), (canceled.Status, canceled.Event.Reason));
    }

    [Fact]
    public void RefusedOrder_Fixture51008_IsInsufficientMargin()
    {
        using var refused = JsonShape.Fixture("order-refused.json");
        var item = Data(refused);
        var request = OrderRequest.Limit(new ClientOrderId("oktswap6"), Instrument(), OrderSide.Buy, 1m, 43000m);

        var error = OkxErrors.For(s_okx, new OkxRefusal(item.GetProperty("sCode").GetString()!, item.GetProperty("sMsg").GetString()!, TimeSpan.Zero),
            request, null, TimeSpan.FromSeconds(10));

        Assert.IsType<InsufficientMarginException>(error);
    }

    private static Instrument Instrument()
    {
        using var instruments = JsonShape.Fixture("instruments.json");
        return OkxMarketReader.Instrument(s_okx, Data(instruments));
    }

    private static MarkPrice Mark()
    {
        using var mark = JsonShape.Fixture("mark-price.json");
        using var index = JsonShape.Fixture("index-tickers.json");
        return OkxMarketReader.Mark(s_okx, Data(mark), Data(index));
    }

    private static JsonElement Data(JsonDocument document) => document.RootElement.GetProperty("data")[0].Clone();
}
