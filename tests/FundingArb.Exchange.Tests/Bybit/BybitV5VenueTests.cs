using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Exchange.Tests.Bybit;

public sealed class BybitV5VenueTests
{
    [Fact]
    public async Task GetInstrumentsAsync_ReturnsTheServedMarket_WithItsRules()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        var instruments = await venue.GetInstrumentsAsync(CancellationToken.None);

        var instrument = Assert.Single(instruments);
        Assert.Equal((BybitHarness.VenueId, BybitHarness.BtcUsdt, "BTC", "USDT", true),
            (instrument.Venue, instrument.Symbol, instrument.Base.Code, instrument.Quote.Code, instrument.IsTradable));
        Assert.Equal((0.1m, 0.001m, 0.001m, 5m), (instrument.Rules.TickSize, instrument.Rules.StepSize, instrument.Rules.MinSize, instrument.Rules.MinNotional));
    }

    [Fact]
    public async Task GetFundingAsync_ReportsTheRate_ItsInterval_AndTheNextSettlement()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        var funding = await venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None);

        Assert.Equal(0.0001m, funding.Rate.Rate);
        Assert.Equal(TimeSpan.FromHours(8), funding.Interval);
        Assert.Equal(harness.Venue.Funding(BybitHarness.BtcUsdt).NextFundingTime, funding.NextFundingTime);
        Assert.Equal((1000m, 1000m), (funding.MarkPrice, funding.IndexPrice));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(1)]
    public async Task GetFundingAsync_AfterTheVenueChangesTheInterval_ReportsTheNewInterval(int hours)
    {
        var interval = TimeSpan.FromHours(hours);
        await using var harness = await BybitHarness.StartAsync(market: (start, flat) =>
            flat with { IntervalChanges = [new IntervalChange(start.AddMinutes(30), interval)] });
        var venue = harness.Connect();
        var start = harness.Clock.GetUtcNow();
        var before = await venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None);

        harness.Advance(TimeSpan.FromMinutes(30));
        var after = await venue.GetFundingAsync(BybitHarness.BtcUsdt, CancellationToken.None);

        Assert.Equal((TimeSpan.FromHours(8), interval), (before.Interval, after.Interval));
        Assert.Equal(start + interval, after.NextFundingTime);
    }

    [Fact]
    public async Task GetMarkPriceAsync_ReportsTheVenuesMarkAndIndex()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        var mark = await venue.GetMarkPriceAsync(BybitHarness.BtcUsdt, CancellationToken.None);

        var expected = harness.Venue.Funding(BybitHarness.BtcUsdt);
        Assert.Equal((expected.MarkPrice, expected.IndexPrice), (mark.Mark, mark.Index));
    }

    [Fact]
    public async Task GetOrderBookAsync_ReturnsTheVenuesTopLevels_BestFirst()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        var book = await venue.GetOrderBookAsync(BybitHarness.BtcUsdt, 3, CancellationToken.None);

        var expected = await harness.Venue.GetOrderBookAsync(BybitHarness.BtcUsdt, 3, CancellationToken.None);
        Assert.Equal([.. expected.Bids], [.. book.Bids]);
        Assert.Equal([.. expected.Asks], [.. book.Asks]);
        Assert.Equal((999.5m, 1000.5m), (book.BestBid, book.BestAsk));
    }

    [Fact]
    public async Task LimitOrderBelowTheBook_RestsOpen_UntilCancelled()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        var id = new ClientOrderId("rest-1");

        var ack = await venue.PlaceOrderAsync(harness.Limit("rest-1", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);
        var open = await venue.GetOrderAsync(id, CancellationToken.None);
        var listed = await venue.GetOpenOrdersAsync(CancellationToken.None);
        var cancel = await venue.CancelOrderAsync(id, CancellationToken.None);
        var cancelled = await venue.GetOrderAsync(id, CancellationToken.None);

        Assert.Equal((OrderStatus.Open, harness.Venue.Orders[0].Order.VenueOrderId), (ack.Status, ack.VenueOrderId));
        Assert.Equal((OrderStatus.Open, 990m, 0.01m, ack.VenueOrderId), (open.Status, open.Request.Price, open.Request.Quantity, open.VenueOrderId));
        Assert.Equal(id, Assert.Single(listed).ClientOrderId);
        Assert.Equal((OrderStatus.Canceled, 0m), (cancel.Status, cancel.FilledQuantity));
        Assert.Equal(OrderStatus.Canceled, cancelled.Status);
        Assert.Empty(await venue.GetOpenOrdersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task MarketOrder_Fills_AndShowsInTheOrderThePositionAndTheWallet()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        await venue.PlaceOrderAsync(harness.Market("take-1", OrderSide.Buy, 0.1m), CancellationToken.None);
        var order = await venue.GetOrderAsync(new ClientOrderId("take-1"), CancellationToken.None);
        var positions = await venue.GetPositionsAsync(CancellationToken.None);
        var balances = await venue.GetBalancesAsync(CancellationToken.None);

        var simulated = harness.Venue.Orders[0].Order;
        Assert.Equal((OrderStatus.Filled, 0.1m), (order.Status, order.FilledQuantity));
        Assert.Equal([.. simulated.Fills], [.. order.Fills]);
        var position = Assert.Single(positions);
        Assert.Equal((BybitHarness.BtcUsdt, PositionSide.Long, 0.1m, 1000.5m), (position.Key.Symbol, position.Side, position.Amount, position.AveragePrice));
        var wallet = Assert.Single(balances);
        Assert.Equal(harness.Venue.Balances[0], wallet);
    }

    [Fact]
    public async Task CancelOrderAsync_OrderNeverPlaced_ThrowsUnknownOrder()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        await Assert.ThrowsAsync<UnknownOrderException>(() => venue.CancelOrderAsync(new ClientOrderId("nobody"), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task PlaceOrderAsync_OrderLinkIdUsedBefore_ThrowsDuplicateClientOrderId()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        await venue.PlaceOrderAsync(harness.Limit("twice", OrderSide.Buy, 0.01m, 990m), CancellationToken.None);

        await Assert.ThrowsAsync<DuplicateClientOrderIdException>(
            () => venue.PlaceOrderAsync(harness.Limit("twice", OrderSide.Buy, 0.01m, 991m), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task PlaceOrderAsync_ReduceOnlyWithNoPosition_ThrowsReduceOnlyRejected()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        await Assert.ThrowsAsync<ReduceOnlyRejectedException>(
            () => venue.PlaceOrderAsync(harness.Limit("reduce", OrderSide.Sell, 0.01m, 1010m, reduceOnly: true), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task PlaceOrderAsync_BelowTheMinimumNotional_ThrowsBelowMinNotional_WithTheMarketsMinimum()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        await venue.GetInstrumentsAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<BelowMinNotionalException>(
            () => venue.PlaceOrderAsync(harness.Limit("tiny", OrderSide.Buy, 0.001m, 990m), CancellationToken.None).AsTask());

        Assert.Equal((0.99m, 5m), (error.Notional, error.Minimum));
    }

    [Fact]
    public async Task PlaceOrderAsync_BeyondTheAccountsMargin_ThrowsInsufficientMargin()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();

        await Assert.ThrowsAsync<InsufficientMarginException>(
            () => venue.PlaceOrderAsync(harness.Limit("huge", OrderSide.Buy, 2000m, 990m), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task GetFundingHistoryAsync_AfterASettlementOnAnOpenPosition_ReturnsThatPayment()
    {
        await using var harness = await BybitHarness.StartAsync();
        var venue = harness.Connect();
        var start = harness.Clock.GetUtcNow();
        await venue.PlaceOrderAsync(harness.Market("long-1", OrderSide.Buy, 0.1m), CancellationToken.None);

        // The venue's clock jumps 8 h past the connector's measured offset: the next signed request is stale (10002),
        // so the connector measures again and resends.
        harness.Advance(TimeSpan.FromHours(8));
        var history = await venue.GetFundingHistoryAsync(BybitHarness.BtcUsdt, start, CancellationToken.None);

        var expected = Assert.Single(harness.Venue.FundingPayments);
        var payment = Assert.Single(history);
        Assert.Equal((PositionSide.Long, 0.1m, 0.0001m, expected.Amount, expected.At), (payment.Side, payment.Size, payment.Rate, payment.Amount, payment.At));
        Assert.True(payment.Amount < 0m, "a long pays a positive rate");
    }
}
