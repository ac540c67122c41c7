using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

using static FundingArb.Actors.Tests.BtcQuotes;

namespace FundingArb.Actors.Tests.Orders;

// An order actor recovered from the journal with one order intended and never resolved (the node died with it on its
// way), its parent and gateway probes, on the calling thread and the TestScheduler. The venue answers the lookup as a
// venue reached late would: it does not know the order yet.
public sealed class RecoveredOrderTests() : TestKit(ConfigurationFactory.ParseString("""akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit" """))
{
    private const decimal Quantity = 0.099m;
    private static readonly LegId s_leg = new(LegStage.Entry, IsLong: false);
    private static readonly Instrument s_btc = Quote(Beta, 60_000m, 60_000m, 0.0001m).Instrument;
    private static readonly ClientOrderId s_recovered = new("0xrecovered");
    private static readonly TimeSpan s_window = OrderSettings.Default.RequestTimeout;
    private IActorRef _leg = ActorRefs.Nobody;

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    [Fact]
    public void UnknownAtTheFirstLookup_ThenFilledAtTheVenue_CountsTheFillAndSendsNothingNew()
    {
        var (parent, gateway) = Start();

        LookUp(gateway, known: null);
        parent.ExpectNoMsg(TimeSpan.Zero);
        gateway.ExpectNoMsg(TimeSpan.Zero);
        LookUp(gateway, known: FilledAtTheVenue());

        Assert.Equal(Quantity, parent.ExpectMsg<LegFillReported>().Fill.Quantity);
        var resolved = parent.ExpectMsg<LegOrderResolved>();
        Assert.Equal((s_recovered, OrderStatus.Filled), (resolved.ClientOrderId, resolved.Status));
        var done = parent.ExpectMsg<LegDone>();
        Assert.Equal((Quantity, (string?)null), (done.Filled, done.Failure));
        gateway.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void UnknownAtTheFirstLookup_ThenFillReportedOnTheStream_CountsTheFillAndSendsNothingNew()
    {
        var (parent, gateway) = Start();
        LookUp(gateway, known: null);

        var fill = FilledAtTheVenue().Fills[0];
        _leg.Tell(new VenueOrderEvent(new OrderFilled(Beta, 1, fill.At, BtcUsdt, fill, Quantity, OrderStatus.Filled)), gateway.Ref);

        Assert.Equal(Quantity, parent.ExpectMsg<LegFillReported>().Fill.Quantity);
        Assert.Equal(OrderStatus.Filled, parent.ExpectMsg<LegOrderResolved>().Status);
        Assert.Equal(Quantity, parent.ExpectMsg<LegDone>().Filled);
        Scheduler.Advance(s_window);
        gateway.ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public void UnknownForAWholeWindowAfterTheFirstLookup_IsTakenAsNeverReceived_AndTheLegTradesItsQuantity()
    {
        var (parent, gateway) = Start();

        LookUp(gateway, known: null);
        LookUp(gateway, known: null);

        var resolved = parent.ExpectMsg<LegOrderResolved>();
        Assert.Equal((s_recovered, OrderStatus.Rejected), (resolved.ClientOrderId, resolved.Status));
        var intent = parent.ExpectMsg<IntendOrder>();
        Assert.Equal((OrderType.Market, OrderSide.Sell, Quantity), (intent.Type, intent.Side, intent.Quantity));
    }

    [Fact]
    public void UnknownToALookupOnAResumedStream_BeforeTheOrdersWindow_IsLookedUpAgainAWindowLater()
    {
        var (parent, gateway) = Start();

        _leg.Tell(new UserStreamResumed(Beta), gateway.Ref);
        Assert.Equal(s_recovered, gateway.ExpectMsg<QueryOrder>().ClientOrderId);
        gateway.Reply(new OrderQueried(s_recovered, null, null));
        Scheduler.Advance(s_window - TimeSpan.FromTicks(1));

        gateway.ExpectNoMsg(TimeSpan.Zero);
        parent.ExpectNoMsg(TimeSpan.Zero);
        LookUp(gateway, known: FilledAtTheVenue(), after: TimeSpan.FromTicks(1));
        parent.ExpectMsg<LegFillReported>();
    }

    /// Starts the leg as the executor spawns it after a crash: the short entry still to trade, its one order unresolved.
    private (TestProbe Parent, TestProbe Gateway) Start()
    {
        var parent = CreateTestProbe("parent");
        var gateway = CreateTestProbe("gateway");
        var assignment = new LegAssignment(s_leg, s_btc, OrderSide.Sell, Quantity, ReduceOnly: false, ExecutionMode.MarketOnly,
            [new OrderIntent(s_recovered, Scheduler.Now)], ImmutableHashSet<string>.Empty);
        _leg = parent.ChildActorOf(OrderActor.Props(assignment, gateway.Ref, OrderSettings.Default with { Mode = ExecutionMode.MarketOnly })
            .WithDispatcher(CallingThreadDispatcher.Id));
        gateway.ExpectNoMsg(TimeSpan.Zero);
        return (parent, gateway);
    }

    /// Moves the clock a request window (or after) on, expects the recovered order's lookup, and answers it.
    private void LookUp(TestProbe gateway, TrackedOrder? known, TimeSpan? after = null)
    {
        Scheduler.Advance(after ?? s_window);
        Assert.Equal(s_recovered, gateway.ExpectMsg<QueryOrder>().ClientOrderId);
        gateway.Reply(new OrderQueried(s_recovered, known, null));
    }

    private TrackedOrder FilledAtTheVenue()
    {
        var request = OrderRequest.Market(s_recovered, s_btc, OrderSide.Sell, Quantity);
        var fill = new Fill("1", s_recovered, OrderSide.Sell, 60_006.9m, Quantity, new Money(2.97m, new Asset("USDT")), LiquidityRole.Taker, Scheduler.Now);
        return TrackedOrder.Restore(request, OrderStatus.Filled, [fill], "beta-1", null, Scheduler.Now);
    }
}
