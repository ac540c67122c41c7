using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class OrderRejectionTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;

    private static TException Refused<TException, T>(ValueTask<T> call)
        where TException : VenueException
    {
        Assert.True(call.IsFaulted, "the venue should have refused the request");
        return Assert.IsType<TException>(call.AsTask().Exception!.InnerException);
    }

    [Fact]
    public void PostOnly_RejectStyleAndCrossing_IsRefusedAndNotRecorded()
    {
        var (_, venue) = Create();

        var error = Refused<PostOnlyWouldCrossException, OrderAck>(venue.PlaceOrderAsync(PostOnly("p1", OrderSide.Buy, 1m, 1000.5m), s_none));

        Assert.Equal((1000.5m, 1000.5m), (error.Price, error.OppositeTouch));
        Assert.Empty(venue.Orders);
        Assert.Equal(VenueError.PostOnlyWouldCross, Assert.Single(venue.Rejections).Error);
    }

    [Fact]
    public void PostOnly_BelowTheAsk_Rests()
    {
        var (_, venue) = Create();

        var ack = Done(venue.PlaceOrderAsync(PostOnly("p1", OrderSide.Buy, 1m, 1000.4m), s_none));

        Assert.Equal(OrderStatus.Open, ack.Status);
    }

    [Fact]
    public void PostOnly_CancelStyleAndCrossing_IsAcceptedThenCancelledWithTheReason()
    {
        var (_, venue) = Create(Settings() with { PostOnly = PostOnlyStyle.CancelAfterAccept });

        var ack = Done(venue.PlaceOrderAsync(PostOnly("p1", OrderSide.Sell, 1m, 999.5m), s_none));

        var order = venue.Orders[0].Order;
        Assert.Equal(OrderStatus.Open, ack.Status);
        Assert.Equal((OrderStatus.Canceled, "PostOnlyWouldCross", 0m), (order.Status, order.Reason, order.FilledQuantity));
        Assert.Equal([OrderEventKind.Accepted, OrderEventKind.Canceled],
            venue.EventLog.OfType<OrderUpdated>().Select(u => u.Event.Kind));
    }

    [Fact]
    public void ReduceOnly_Flat_IsRefused()
    {
        var (_, venue) = Create();

        var error = Refused<ReduceOnlyRejectedException, OrderAck>(venue.PlaceOrderAsync(Market("r1", OrderSide.Sell, 1m, reduceOnly: true), s_none));

        Assert.Equal(0m, error.Position);
    }

    [Fact]
    public void ReduceOnly_SameSideAsTheLong_IsRefused()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), s_none));

        var error = Refused<ReduceOnlyRejectedException, OrderAck>(venue.PlaceOrderAsync(Market("r1", OrderSide.Buy, 1m, reduceOnly: true), s_none));

        Assert.Equal(1m, error.Position);
    }

    [Fact]
    public void ReduceOnly_LargerThanThePosition_ClosesItAndExpiresTheRest()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), s_none));

        var ack = Done(venue.PlaceOrderAsync(Market("r1", OrderSide.Sell, 3m, reduceOnly: true), s_none));

        Assert.Equal((OrderStatus.Expired, 1m, 0m), (ack.Status, ack.FilledQuantity, venue.Positions[0].NetQuantity));
    }

    [Fact]
    public void ReduceOnly_Resting_IsCancelledOnceThePositionIsClosed()
    {
        var (clock, venue) = Create(market: Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(10), 1020m)));
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), s_none));
        Done(venue.PlaceOrderAsync(Limit("tp", OrderSide.Sell, 1m, 1010m, reduceOnly: true), s_none));
        Done(venue.PlaceOrderAsync(Market("close", OrderSide.Sell, 1m), s_none));

        clock.Advance(TimeSpan.FromSeconds(10));

        var takeProfit = venue.Orders[1].Order;
        Assert.Equal((OrderStatus.Canceled, 0m), (takeProfit.Status, takeProfit.FilledQuantity));
    }

    [Fact]
    public void ClientOrderId_UsedTwice_SecondIsDuplicate()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Limit("same", OrderSide.Buy, 1m, 990m), s_none));

        Refused<DuplicateClientOrderIdException, OrderAck>(venue.PlaceOrderAsync(Limit("same", OrderSide.Buy, 1m, 980m), s_none));

        Assert.Single(venue.Orders);
    }

    [Fact]
    public void ClientOrderId_OfARefusedRequest_StaysFree()
    {
        var (_, venue) = Create();
        Refused<InsufficientMarginException, OrderAck>(venue.PlaceOrderAsync(Limit("x", OrderSide.Buy, 2000m, 999m), s_none));

        var ack = Done(venue.PlaceOrderAsync(Limit("x", OrderSide.Buy, 1m, 999m), s_none));

        Assert.Equal(OrderStatus.Open, ack.Status);
    }

    [Fact]
    public void Margin_NotionalBeyondLeverage_IsInsufficientMargin()
    {
        var (_, venue) = Create();

        var error = Refused<InsufficientMarginException, OrderAck>(venue.PlaceOrderAsync(Limit("big", OrderSide.Buy, 1001m, 999m), s_none));

        Assert.Equal((100_000m, 100_499.8995m), (error.Available, error.Required));
    }

    [Fact]
    public void Margin_OpenOrders_ReserveTheirMargin()
    {
        var (_, venue) = Create();
        Done(venue.PlaceOrderAsync(Limit("a", OrderSide.Buy, 600m, 990m), s_none));

        var error = Refused<InsufficientMarginException, OrderAck>(venue.PlaceOrderAsync(Limit("b", OrderSide.Buy, 500m, 990m), s_none));

        Assert.Equal(100_000m - 59_400m, error.Available);
    }

    [Fact]
    public void Margin_OrderThatOnlyReduces_NeedsNone()
    {
        var (_, venue) = Create(Settings() with { Balances = [new Trading.Instruments.Money(200m, Usdt)] });
        Done(venue.PlaceOrderAsync(Market("open", OrderSide.Buy, 1m), s_none));

        var ack = Done(venue.PlaceOrderAsync(Market("close", OrderSide.Sell, 1m), s_none));

        Assert.Equal(OrderStatus.Filled, ack.Status);
    }

    [Fact]
    public void MinNotional_SmallOrder_IsBelowMinNotional()
    {
        var (_, venue) = Create();

        var error = Refused<BelowMinNotionalException, OrderAck>(venue.PlaceOrderAsync(Limit("tiny", OrderSide.Buy, 0.001m, 990m), s_none));

        Assert.Equal((0.99m, 5m), (error.Notional, error.Minimum));
    }

    [Fact]
    public void LimitOutsideThePriceBand_IsInvalidOrderAndNotRecorded()
    {
        var (_, venue) = Create();

        var error = Refused<InvalidOrderException, OrderAck>(venue.PlaceOrderAsync(Limit("far", OrderSide.Buy, 1m, 940m), s_none));

        Assert.Contains("outside the band 950 to 1050", error.Message, StringComparison.Ordinal);
        Assert.Empty(venue.Orders);
    }

    [Fact]
    public void MarketNotTrading_IsInvalidOrder()
    {
        var halted = new Trading.Instruments.Instrument(Alpha, BtcUsdt, Btc, Usdt, Rules, isTradable: false);
        var (_, venue) = Create(market: new MarketSettings(halted, new PricePathModel([new PricePoint(T0, 1000m)])) { SpreadBps = 10m, Depth = Depth });

        var error = Refused<InvalidOrderException, OrderAck>(venue.PlaceOrderAsync(OrderRequest.Market(Id("h"), halted, OrderSide.Buy, 1m), s_none));

        Assert.Contains("BTCUSDT is not trading", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownMarket_IsInvalidOrder()
    {
        var (_, venue) = Create();
        var other = new Trading.Instruments.Instrument(Alpha, new Trading.Instruments.Symbol("ETHUSDT"), new Trading.Instruments.Asset("ETH"), Usdt, Rules);

        Refused<InvalidOrderException, OrderAck>(venue.PlaceOrderAsync(OrderRequest.Market(Id("e"), other, OrderSide.Buy, 1m), s_none));
    }

    [Fact]
    public void Latency_Fifty_AnswersAfterTheRoundTripAndStreamsAfterOneWay()
    {
        var (clock, venue) = Create(Settings() with { Latency = TimeSpan.FromMilliseconds(50) });

        var ack = venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 990m), s_none);
        clock.Advance(TimeSpan.FromMilliseconds(50));
        var arrivedAt = venue.Orders[0].Events[0].At;
        clock.Advance(TimeSpan.FromMilliseconds(49));
        var earlyAnswer = ack.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal((T0 + TimeSpan.FromMilliseconds(50), false), (arrivedAt, earlyAnswer));
        Assert.Equal(T0 + TimeSpan.FromMilliseconds(50), Done(ack).At);
    }

    [Fact]
    public async Task UserStream_Fill_CarriesFeeAndRole()
    {
        var (_, venue) = Create();
        await using var stream = venue.StreamUserEventsAsync(s_none).GetAsyncEnumerator();

        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none));

        var events = await TakeAsync(stream, 2);
        var filled = Assert.IsType<OrderFilled>(events[1]);
        Assert.Equal((OrderEventKind.Accepted, 1L, 2L), (((OrderUpdated)events[0]).Event.Kind, events[0].Sequence, events[1].Sequence));
        Assert.Equal((LiquidityRole.Taker, 0.50025m, OrderStatus.Filled), (filled.Fill.Role, filled.Fill.Fee.Amount, filled.Status));
    }
}
