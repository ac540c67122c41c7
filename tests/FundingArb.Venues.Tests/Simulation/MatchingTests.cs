using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class MatchingTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    [Fact]
    public void GetOrderBook_FlatMid_LevelsAroundTheMidAtTheConfiguredSpacing()
    {
        var (_, venue) = Create();

        var book = Done(venue.GetOrderBookAsync(BtcUsdt, 3, s_none));

        Assert.Equal([new BookLevel(999.5m, 10.005m), new BookLevel(998.5m, 10.015m), new BookLevel(997.5m, 10.025m)], book.Bids.AsEnumerable());
        Assert.Equal([new BookLevel(1000.5m, 9.995m), new BookLevel(1001.5m, 9.985m), new BookLevel(1002.5m, 9.975m)], book.Asks.AsEnumerable());
    }

    [Fact]
    public void MarketBuy_LargerThanTheTouch_WalksTheBookOneFillPerLevel()
    {
        var (_, venue) = Create();

        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 15m), s_none));

        var fills = venue.Orders[0].Order.Fills;
        Assert.Equal([(1000.5m, 9.995m), (1001.5m, 5.005m)], fills.Select(f => (f.Price, f.Quantity)));
    }

    [Fact]
    public void MarketBuy_LargerThanTheTouch_SlipsAgainstTheMid()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 15m), s_none));

        var order = venue.Orders[0].Order;
        var slippageBps = (order.AveragePrice!.Value / 1000m - 1m) * 10_000m;
        Assert.Equal((OrderStatus.Filled, 15012.505m), (ack.Status, order.FilledQuote));
        Assert.Equal(8.3367m, decimal.Round(slippageBps, 4));
    }

    [Fact]
    public void PlaceOrder_AfterLatency_KeepsTheMidTheOrderArrivedAtNotTheOneItWasSentAt()
    {
        var settings = Settings() with { Latency = TimeSpan.FromSeconds(2), RequestTimeout = TimeSpan.FromSeconds(10) };
        var (clock, venue) = Create(settings, Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(10), 1010m)));

        var placed = venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none);
        clock.Advance(TimeSpan.FromSeconds(4));

        Assert.True(placed.IsCompleted);
        Assert.Equal(1002m, venue.Orders[0].ArrivalMid);
    }

    [Fact]
    public void MarketBuy_TakerFee_IsTheTakerRateOfTheNotional()
    {
        var (_, venue) = Create();

        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none));

        var fill = Assert.Single(venue.Orders[0].Order.Fills);
        Assert.Equal((LiquidityRole.Taker, 0.50025m), (fill.Role, fill.Fee.Amount));
    }

    [Fact]
    public void MarketBuy_SecondInTheSameStep_SeesTheDepletedLevel()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 5m), s_none));

        Done(venue.PlaceOrderAsync(Market("m2", OrderSide.Buy, 5m), s_none));

        Assert.Equal([(1000.5m, 4.995m), (1001.5m, 0.005m)], venue.Orders[1].Order.Fills.Select(f => (f.Price, f.Quantity)));
    }

    [Fact]
    public void MarketBuy_NextStep_FindsTheBookRefilled()
    {
        var (clock, venue) = Create();
        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 9.995m), s_none));

        clock.Advance(TimeSpan.FromSeconds(1));
        Done(venue.PlaceOrderAsync(Market("m2", OrderSide.Buy, 1m), s_none));

        Assert.Equal(1000.5m, Assert.Single(venue.Orders[1].Order.Fills).Price);
    }

    [Fact]
    public void MarketBuy_BeyondTheWholeBook_FillsWhatThereIsAndExpires()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 60m), s_none));

        Assert.Equal((OrderStatus.Expired, 49.875m, 5), (ack.Status, ack.FilledQuantity, venue.Orders[0].Order.Fills.Length));
    }

    [Fact]
    public void LimitIoc_PartlyWithinItsPrice_FillsThatPartAndExpires()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 15m, 1000.5m, TimeInForce.Ioc), s_none));

        Assert.Equal((OrderStatus.Expired, 9.995m), (ack.Status, ack.FilledQuantity));
    }

    [Fact]
    public void LimitFok_NotEnoughWithinItsPrice_ExpiresWithoutFilling()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 15m, 1000.5m, TimeInForce.Fok), s_none));

        Assert.Equal((OrderStatus.Expired, 0m), (ack.Status, ack.FilledQuantity));
    }

    [Fact]
    public void LimitFok_EnoughWithinItsPrice_FillsCompletely()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 15m, 1001.5m, TimeInForce.Fok), s_none));

        Assert.Equal((OrderStatus.Filled, 15m), (ack.Status, ack.FilledQuantity));
    }

    [Fact]
    public void LimitGtc_CrossingPartly_TakesWhatItCanAndRestsTheRest()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 25m, 1001.5m), s_none));

        Assert.Equal((OrderStatus.PartiallyFilled, 19.98m), (ack.Status, ack.FilledQuantity));
        Assert.Single(Done(venue.GetOpenOrdersAsync(s_none)));
    }

    [Fact]
    public void RestingBuy_PriceTradesThrough_FillsAsMakerAtItsOwnPrice()
    {
        var (clock, venue) = Create(market: Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(1), 990m)));
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 15m, 999m), s_none));

        clock.Advance(TimeSpan.FromSeconds(1));

        var order = venue.Orders[0].Order;
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.All(order.Fills, f => Assert.Equal((999m, LiquidityRole.Maker, f.Quantity * 999m * 0.0002m), (f.Price, f.Role, f.Fee.Amount)));
    }

    [Fact]
    public void RestingBuy_PriceOnlyTouchesIt_DoesNotFill()
    {
        var (clock, venue) = Create(market: Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(1), 998.5m)));
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 999m), s_none));

        clock.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(OrderStatus.Open, venue.Orders[0].Order.Status);
    }

    [Fact]
    public void RestingBuy_LargerThanTheDepthThrough_FillsPartlyEachStep()
    {
        var (clock, venue) = Create(market: Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(1), 990m)));
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 80m, 999m), s_none));

        clock.Advance(TimeSpan.FromSeconds(1));
        var afterOneStep = venue.Orders[0].Order;
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterTwoSteps = venue.Orders[0].Order;

        Assert.Equal((OrderStatus.PartiallyFilled, 50.375m), (afterOneStep.Status, afterOneStep.FilledQuantity));
        Assert.Equal((OrderStatus.Filled, 80m), (afterTwoSteps.Status, afterTwoSteps.FilledQuantity));
    }

    [Fact]
    public void Cancel_RestingOrder_AcknowledgesAndStopsIt()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 990m), s_none));

        var ack = Done(venue.CancelOrderAsync(Id("l1"), s_none));

        Assert.Equal((OrderStatus.Canceled, 0m), (ack.Status, ack.FilledQuantity));
        Assert.Empty(Done(venue.GetOpenOrdersAsync(s_none)));
    }

    [Fact]
    public void Cancel_Twice_SecondIsUnknownOrder()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 990m), s_none));
        Done(venue.CancelOrderAsync(Id("l1"), s_none));

        var second = venue.CancelOrderAsync(Id("l1"), s_none);

        Assert.IsType<Errors.UnknownOrderException>(second.AsTask().Exception!.InnerException);
    }

    [Fact]
    public void GetOrder_NeverSent_IsUnknownOrder()
    {
        var (_, venue) = Create();

        var lookup = venue.GetOrderAsync(Id("nope"), s_none);

        Assert.IsType<Errors.UnknownOrderException>(lookup.AsTask().Exception!.InnerException);
    }
}
