using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation.Faults;
using static FundingArb.Venues.Tests.TestVenues;

namespace FundingArb.Venues.Tests.Simulation;

public sealed class FaultTests
{
    private static readonly CancellationToken s_none = CancellationToken.None;
    private static readonly DateTimeOffset s_at = T0 + TimeSpan.FromMinutes(1);

    private static Exception Failure<T>(ValueTask<T> call)
    {
        Assert.True(call.IsFaulted, "the request should have failed");
        return call.AsTask().Exception!.InnerException!;
    }

    [Fact]
    public void RejectOrders_CountTwo_RefusesTheNextTwoWithTheChosenError()
    {
        var (clock, venue) = Create(faults: [new RejectOrdersFault(s_at, 2, VenueError.InsufficientMargin)]);
        clock.AdvanceTo(s_at);

        var first = Failure(venue.PlaceOrderAsync(Market("a", OrderSide.Buy, 1m), s_none));
        var second = Failure(venue.PlaceOrderAsync(Market("b", OrderSide.Buy, 1m), s_none));
        var third = Done(venue.PlaceOrderAsync(Market("c", OrderSide.Buy, 1m), s_none));

        Assert.IsType<InsufficientMarginException>(first);
        Assert.IsType<InsufficientMarginException>(second);
        Assert.Equal(OrderStatus.Filled, third.Status);
    }

    [Fact]
    public void RejectOrders_BeforeItsTime_DoesNothing()
    {
        var (_, venue) = Create(faults: [new RejectOrdersFault(s_at)]);

        var ack = Done(venue.PlaceOrderAsync(Market("a", OrderSide.Buy, 1m), s_none));

        Assert.Equal(OrderStatus.Filled, ack.Status);
    }

    [Fact]
    public void NoFill_PriceThroughTheOrder_LeavesItUnfilledUntilTheWindowEnds()
    {
        var market = Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(30), 990m));
        var (clock, venue) = Create(market: market, faults: [new NoFillFault(T0, TimeSpan.FromMinutes(1))]);
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 999m), s_none));

        clock.Advance(TimeSpan.FromSeconds(59));
        var during = venue.Orders[0].Order.Status;
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal((OrderStatus.Open, OrderStatus.Filled), (during, venue.Orders[0].Order.Status));
    }

    [Fact]
    public void PartialFill_MarketOrder_FillsTheRatioAndExpiresTheRest()
    {
        var (_, venue) = Create(faults: [new PartialFillFault(T0, 0.4m)]);

        var ack = Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 2.5m), s_none));
        var next = Done(venue.PlaceOrderAsync(Market("m2", OrderSide.Buy, 2.5m), s_none));

        Assert.Equal((OrderStatus.Expired, 1m), (ack.Status, ack.FilledQuantity));
        Assert.Equal((OrderStatus.Filled, 2.5m), (next.Status, next.FilledQuantity));
    }

    [Fact]
    public void PartialFill_RestingOrder_StopsAtTheRatioAndStaysOpen()
    {
        var market = Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(1), 990m));
        var (clock, venue) = Create(market: market, faults: [new PartialFillFault(T0, 0.5m)]);
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 3m, 999m), s_none));

        clock.Advance(TimeSpan.FromSeconds(10));

        var order = venue.Orders[0].Order;
        Assert.Equal((OrderStatus.PartiallyFilled, 1.5m), (order.Status, order.FilledQuantity));
    }

    [Fact]
    public void Disconnect_Requests_FailAsUnavailableUntilItEnds()
    {
        var (clock, venue) = Create(faults: [new DisconnectFault(s_at, TimeSpan.FromSeconds(30))]);
        clock.AdvanceTo(s_at);

        var during = Failure(venue.GetBalancesAsync(s_none));
        clock.Advance(TimeSpan.FromSeconds(30));
        var after = venue.GetBalancesAsync(s_none);

        Assert.False(Assert.IsType<VenueUnavailableException>(during).OutcomeUnknown);
        Assert.True(after.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Disconnect_OpenStream_EndsWithUnavailable()
    {
        var (clock, venue) = Create(faults: [new DisconnectFault(s_at, TimeSpan.FromSeconds(30))]);
        await using var stream = venue.StreamUserEventsAsync(s_none).GetAsyncEnumerator();

        clock.AdvanceTo(s_at);

        await Assert.ThrowsAsync<VenueUnavailableException>(() => stream.MoveNextAsync().AsTask().WaitAsync(Deadline));
    }

    [Fact]
    public async Task Disconnect_EventsOfTheOutage_AreNotReplayedOnTheNewStream()
    {
        var market = Path((TimeSpan.Zero, 1000m), (TimeSpan.FromSeconds(64), 1000m), (TimeSpan.FromSeconds(65), 990m));
        var (clock, venue) = Create(market: market, faults: [new DisconnectFault(s_at, TimeSpan.FromSeconds(30))]);
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 1m, 999m), s_none));
        clock.Advance(TimeSpan.FromSeconds(90));
        await using var stream = venue.StreamUserEventsAsync(s_none).GetAsyncEnumerator();

        Done(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none));

        var first = await NextAsync(stream);
        var missed = Assert.IsType<OrderFilled>(venue.EventLog[1]);
        Assert.Equal((2L, T0 + TimeSpan.FromSeconds(65)), (missed.Sequence, missed.At));
        Assert.Equal(3L, first.Sequence);
    }

    [Fact]
    public void Disconnect_WhileTheAnswerIsOnItsWay_LosesTheAnswerButNotTheOrder()
    {
        var settings = Settings() with { Latency = TimeSpan.FromMilliseconds(100) };
        var (clock, venue) = Create(settings, faults: [new DisconnectFault(s_at, TimeSpan.FromSeconds(5))]);
        clock.AdvanceTo(s_at - TimeSpan.FromMilliseconds(150));

        var call = venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none);
        clock.Advance(TimeSpan.FromMilliseconds(200));

        Assert.True(Assert.IsType<VenueUnavailableException>(Failure(call)).OutcomeUnknown);
        Assert.Equal(OrderStatus.Filled, venue.Orders[0].Order.Status);
    }

    [Fact]
    public void RateLimit_Requests_FailWithTheTimeLeft()
    {
        var (clock, venue) = Create(faults: [new RateLimitFault(s_at, TimeSpan.FromSeconds(10))]);
        clock.AdvanceTo(s_at + TimeSpan.FromSeconds(4));

        var error = Assert.IsType<RateLimitedException>(Failure(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none)));

        Assert.Equal(TimeSpan.FromSeconds(6), error.RetryAfter);
        Assert.Empty(venue.Orders);
    }

    [Fact]
    public void DelayAck_BeyondTheTimeout_TimesOutButTheOrderExecuted()
    {
        var (clock, venue) = Create(faults: [new DelayAckFault(T0, TimeSpan.FromSeconds(30))]);

        var call = venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none);
        var pendingAtOnce = !call.IsCompleted;
        clock.Advance(TimeSpan.FromSeconds(10));

        Assert.True(pendingAtOnce);
        Assert.True(Assert.IsType<VenueTimeoutException>(Failure(call)).OutcomeUnknown);
        Assert.Equal(OrderStatus.Filled, Done(venue.GetOrderAsync(Id("m1"), s_none)).Status);
    }

    [Fact]
    public void DelayAck_RetryWithTheSameId_IsDuplicateNotASecondOrder()
    {
        var (clock, venue) = Create(faults: [new DelayAckFault(T0, TimeSpan.FromSeconds(30))]);
        var first = venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none);
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.IsType<VenueTimeoutException>(Failure(first));

        var retry = Failure(venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none));

        Assert.IsType<DuplicateClientOrderIdException>(retry);
        Assert.Equal(1m, venue.Positions[0].NetQuantity);
    }

    [Fact]
    public void DelayAck_WithinTheTimeout_AnswersLate()
    {
        var (clock, venue) = Create(faults: [new DelayAckFault(T0, TimeSpan.FromSeconds(3))]);

        var call = venue.PlaceOrderAsync(Market("m1", OrderSide.Buy, 1m), s_none);
        clock.Advance(TimeSpan.FromSeconds(3));

        Assert.Equal(OrderStatus.Filled, Done(call).Status);
    }

    [Fact]
    public async Task FillAfterCancel_Cancel_AcknowledgedThenTheFillArrives()
    {
        var (clock, venue) = Create(faults: [new FillAfterCancelFault(T0)]);
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 2m, 999m), s_none));
        await using var stream = venue.StreamUserEventsAsync(s_none).GetAsyncEnumerator();

        var ack = Done(venue.CancelOrderAsync(Id("l1"), s_none));
        var canceled = await NextAsync(stream);
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await NextAsync(stream);

        Assert.Equal((OrderStatus.Canceled, 0m), (ack.Status, ack.FilledQuantity));
        Assert.Equal(OrderEventKind.Canceled, Assert.IsType<OrderUpdated>(canceled).Event.Kind);
        Assert.Equal((2m, 999m), (Assert.IsType<OrderFilled>(late).Fill.Quantity, ((OrderFilled)late).Fill.Price));
        Assert.Equal((OrderStatus.Filled, 2m), (venue.Orders[0].Order.Status, venue.Positions[0].NetQuantity));
    }

    [Fact]
    public void FillAfterCancel_TrackedOrderFedInStreamOrder_CountsTheLateFill()
    {
        var (clock, venue) = Create(faults: [new FillAfterCancelFault(T0, ratio: 0.5m)]);
        Done(venue.PlaceOrderAsync(Limit("l1", OrderSide.Buy, 2m, 999m), s_none));

        Done(venue.CancelOrderAsync(Id("l1"), s_none));
        clock.Advance(TimeSpan.FromSeconds(1));

        var events = venue.Orders[0].Events;
        var client = events.Aggregate(TrackedOrder.Create(venue.Orders[0].Order.Request, T0), (order, e) => order.Apply(e));
        Assert.Equal((OrderStatus.Canceled, 1m), (client.Status, client.FilledQuantity));
    }
}
