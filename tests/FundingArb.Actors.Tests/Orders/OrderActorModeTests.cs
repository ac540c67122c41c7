using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

using static FundingArb.Actors.Tests.BtcQuotes;

namespace FundingArb.Actors.Tests.Orders;

// One order actor per test, its parent and its gateway probes, on the calling thread and the TestScheduler: every
// message it sends is waiting on a probe when the call that caused it returns, and time moves only when advanced.
public sealed class OrderActorModeTests() : TestKit(ConfigurationFactory.ParseString("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """))
{
    private static readonly LegId s_leg = new(LegStage.Entry, IsLong: true);
    private static readonly Instrument s_btc = Quote(Alpha, 60_000m, 60_000m, 0.0001m).Instrument;
    private IActorRef _leg = ActorRefs.Nobody;

    [Fact]
    public void LimitOnly_RestsAtTheTouchPastTheLimitTimeout_AndFinishesWhenFilled()
    {
        var (parent, gateway, _) = Start(ExecutionMode.LimitOnly, quantity: 0.1m);

        var order = Rest(parent, gateway, touch: 60_000m);
        Scheduler.Advance(OrderSettings.Default.LimitTimeout * 3);
        gateway.ExpectNoMsg(TimeSpan.Zero);
        Fill(gateway, order, 0.1m);

        Assert.Equal(0.1m, parent.ExpectMsg<LegFillReported>().Fill.Quantity);
        Assert.Equal(OrderStatus.Filled, parent.ExpectMsg<LegOrderResolved>().Status);
        Assert.Equal((0.1m, (string?)null), Done(parent));
    }

    [Fact]
    public void LimitWithFallback_CancelsAtTheLimitTimeout_AndTakesTheRemainderAtMarket()
    {
        var (parent, gateway, _) = Start(ExecutionMode.LimitWithFallback, quantity: 0.1m);
        var order = Rest(parent, gateway, touch: 60_000m);
        Fill(gateway, order, 0.04m, status: OrderStatus.PartiallyFilled);
        parent.ExpectMsg<LegFillReported>();

        Scheduler.Advance(OrderSettings.Default.LimitTimeout);
        Assert.Equal(order.ClientOrderId, gateway.ExpectMsg<CancelOrder>().ClientOrderId);
        Canceled(gateway, order);
        parent.ExpectMsg<LegOrderResolved>();

        var market = parent.ExpectMsg<IntendOrder>();
        Assert.Equal((OrderType.Market, 0.06m, ExecutionMode.LimitWithFallback), (market.Type, market.Quantity, market.Mode));
    }

    [Fact]
    public void Adaptive_TakesAtMarketWhenTheTouchHoldsTheQuantity()
    {
        var (parent, gateway, _) = Start(ExecutionMode.Adaptive, quantity: 2m);

        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: 59_999.5m, ask: 60_000.5m, size: 5m)));

        var intent = parent.ExpectMsg<IntendOrder>();
        Assert.Equal((OrderType.Market, ExecutionMode.MarketOnly), (intent.Type, intent.Mode));
    }

    [Fact]
    public void Adaptive_PostsAtTheTouchWithFallbackWhenTheTouchIsTooThin()
    {
        var (parent, gateway, _) = Start(ExecutionMode.Adaptive, quantity: 2m);

        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: 59_999.5m, ask: 60_000.5m, size: 0.5m)));

        var intent = parent.ExpectMsg<IntendOrder>();
        Assert.Equal((OrderType.LimitMaker, 59_999.5m, ExecutionMode.LimitWithFallback), (intent.Type, intent.Price, intent.Mode));
    }

    [Fact]
    public void LimitChaser_ReplacesTheOrderAtTheNewTouchWhenTheTouchMovesBeyondTheThreshold()
    {
        var (parent, gateway, _) = Start(ExecutionMode.LimitChaser, quantity: 0.1m);
        var first = Rest(parent, gateway, touch: 60_000m);

        Scheduler.Advance(OrderSettings.Default.ChaseInterval);
        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: 60_000.5m, ask: 60_001.5m, size: 1m)));
        gateway.ExpectNoMsg(TimeSpan.Zero);
        Scheduler.Advance(OrderSettings.Default.ChaseInterval);
        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: 60_030m, ask: 60_031m, size: 1m)));

        Assert.Equal(first.ClientOrderId, gateway.ExpectMsg<CancelOrder>().ClientOrderId);
        Canceled(gateway, first);
        parent.ExpectMsg<LegOrderResolved>();
        var second = Rest(parent, gateway, touch: 60_030m);
        Assert.NotEqual(first.ClientOrderId, second.ClientOrderId);
    }

    [Fact]
    public void StopWhileTheIntentIsBeingJournalled_SendsTheIntendedOrderAndCancelsItAtOnce()
    {
        var (parent, gateway, leg) = Start(ExecutionMode.LimitOnly, quantity: 0.1m);
        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: 60_000m, ask: 60_001m, size: 1m)));
        var intent = parent.ExpectMsg<IntendOrder>();

        leg.Tell(CancelLeg.Instance, parent.Ref);
        var request = OrderRequest.PostOnly(new ClientOrderId("0xlate"), s_btc, intent.Side, intent.Quantity, intent.Price!.Value);
        leg.Tell(new OrderIntentRecorded(s_leg, request), parent.Ref);

        Assert.Equal(request.ClientOrderId, gateway.ExpectMsg<PlaceOrder>().Request.ClientOrderId);
        Assert.Equal(request.ClientOrderId, gateway.ExpectMsg<CancelOrder>().ClientOrderId);
        parent.ExpectNoMsg(TimeSpan.Zero);
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private (TestProbe Parent, TestProbe Gateway, IActorRef Leg) Start(ExecutionMode mode, decimal quantity)
    {
        var parent = CreateTestProbe("parent");
        var gateway = CreateTestProbe("gateway");
        var assignment = new LegAssignment(s_leg, s_btc, OrderSide.Buy, quantity, ReduceOnly: false, mode, [], ImmutableHashSet<string>.Empty);
        _leg = parent.ChildActorOf(OrderActor.Props(assignment, gateway.Ref, OrderSettings.Default with { Mode = mode })
            .WithDispatcher(CallingThreadDispatcher.Id));
        return (parent, gateway, _leg);
    }

    /// Answers the touch, the intent and the placement: a post-only buy rests at the touch.
    private static OrderRequest Rest(TestProbe parent, TestProbe gateway, decimal touch)
    {
        gateway.ExpectMsg<FetchBook>();
        gateway.Reply(new BookFetched(Alpha, BookOf(bid: touch, ask: touch + 1m, size: 1m)));
        var intent = parent.ExpectMsg<IntendOrder>();
        Assert.Equal((OrderType.LimitMaker, touch), (intent.Type, intent.Price));
        var request = OrderRequest.PostOnly(new ClientOrderId($"0x{touch:0}"), s_btc, intent.Side, intent.Quantity, intent.Price!.Value);
        parent.Reply(new OrderIntentRecorded(s_leg, request));
        var placed = gateway.ExpectMsg<PlaceOrder>().Request;
        gateway.Reply(new OrderPlaced(placed.ClientOrderId, new OrderAck(placed.ClientOrderId, "v-1", OrderStatus.Open, 0m, At)));
        return placed;
    }

    /// What the venue's user stream says of the order, routed by the gateway (whose last message may be long gone).
    private void Fill(TestProbe gateway, OrderRequest order, decimal quantity, OrderStatus status = OrderStatus.Filled)
    {
        var fill = new Fill($"t-{quantity}", order.ClientOrderId, order.Side, order.Price!.Value, quantity, new Money(0m, new Asset("USDT")),
            LiquidityRole.Maker, At);
        _leg.Tell(new VenueOrderEvent(new OrderFilled(Alpha, 1, At, BtcUsdt, fill, quantity, status)), gateway.Ref);
    }

    private void Canceled(TestProbe gateway, OrderRequest order)
    {
        _leg.Tell(new CancelAnswered(order.ClientOrderId, null), gateway.Ref);
        _leg.Tell(new VenueOrderEvent(new OrderUpdated(Alpha, 2, At, BtcUsdt, order.ClientOrderId, OrderEvent.Canceled(At), OrderStatus.Canceled)), gateway.Ref);
    }

    private static (decimal Filled, string? Failure) Done(TestProbe parent)
    {
        var done = parent.ExpectMsg<LegDone>();
        return (done.Filled, done.Failure);
    }

    private static OrderBookSnapshot BookOf(decimal bid, decimal ask, decimal size) =>
        new(Alpha, BtcUsdt, [new BookLevel(bid, size)], [new BookLevel(ask, size)], 1, At);
}
