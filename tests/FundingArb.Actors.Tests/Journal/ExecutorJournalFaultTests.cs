using Akka.Actor;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

using static FundingArb.Actors.Tests.BtcQuotes;

namespace FundingArb.Actors.Tests.Journal;

// The journal refusing or failing a write must never leave an order sent without its intent, nor a decision acted on
// that the journal does not hold.
public sealed class ExecutorJournalFaultTests() : TestKit(TestJournalConfig.Config)
{
    [Fact]
    public async Task A_rejected_intent_sends_no_order_and_fails_its_leg_so_the_entry_rolls_back()
    {
        await TestJournalConfig.Of(Sys).OnWrite.RejectIf(p => p.Payload is PairOrderIntended { Leg: "entry-short" });
        var (executor, alpha, beta) = Start(ExecutionMode.LimitWithFallback);

        AnswerTouch(alpha, Alpha, 60_000m);
        AnswerTouch(beta, Beta, 60_010m);
        var placed = alpha.FishForMessage<PlaceOrder>(_ => true).Request;
        var longLeg = alpha.LastSender;
        alpha.Reply(new OrderPlaced(placed.ClientOrderId, new OrderAck(placed.ClientOrderId, "a-1", OrderStatus.Open, 0m, At)));
        Assert.Equal(placed.ClientOrderId, alpha.FishForMessage<CancelOrder>(_ => true).ClientOrderId);
        longLeg.Tell(new CancelAnswered(placed.ClientOrderId, null), alpha.Ref);
        longLeg.Tell(new VenueOrderEvent(new OrderUpdated(Alpha, 1, At, BtcUsdt, placed.ClientOrderId, OrderEvent.Canceled(At), OrderStatus.Canceled)), alpha.Ref);

        AwaitAssert(() => Assert.Equal(PairPhase.Closed, this.ReportOf(executor).Phase));
        var report = this.ReportOf(executor);
        Assert.Equal(CloseType.RolledBack, report.CloseType);
        Assert.Contains("entry-short failed: the journal rejected the order's intent", report.CloseReason, StringComparison.Ordinal);
        Assert.Equal(placed.ClientOrderId.Value, Assert.Single(report.ClientOrderIds));
        Assert.DoesNotContain(beta.Drain(), m => m is PlaceOrder);
    }

    [Fact]
    public async Task A_rejected_entry_decision_stops_the_executor_before_any_order()
    {
        await TestJournalConfig.Of(Sys).OnWrite.RejectIf(p => p.Payload is PairEntryStarted);
        var (executor, alpha, beta) = Start(ExecutionMode.MarketOnly);
        Watch(executor);

        ExpectTerminated(executor);

        Assert.DoesNotContain(alpha.Drain().Concat(beta.Drain()), m => m is PlaceOrder);
    }

    [Fact]
    public async Task A_failed_intent_write_stops_the_executor_and_its_order_is_never_sent()
    {
        await TestJournalConfig.Of(Sys).OnWrite.FailIf(p => p.Payload is PairOrderIntended { Leg: "entry-long" });
        var (executor, alpha, beta) = Start(ExecutionMode.LimitWithFallback);
        Watch(executor);

        AnswerTouch(alpha, Alpha, 60_000m);
        ExpectTerminated(executor);

        Assert.DoesNotContain(alpha.Drain().Concat(beta.Drain()), m => m is PlaceOrder);
    }

    private (IActorRef Executor, TestProbe Alpha, TestProbe Beta) Start(ExecutionMode mode)
    {
        var alpha = CreateTestProbe("alpha");
        var beta = CreateTestProbe("beta");
        var spec = new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m);
        var settings = FundingArbSettings.Default with { Orders = OrderSettings.Default with { Mode = mode } };
        var gateways = new Dictionary<VenueId, IActorRef> { [Alpha] = alpha.Ref, [Beta] = beta.Ref };
        var executor = Sys.ActorOf(FundingArbExecutor.Props(spec, gateways, CreateTestProbe("market-data").Ref, settings,
            RiskGateSettings.Default.OrderLimits), spec.ExecutorId);
        executor.Tell(new MarketUpdated(Quote(Alpha, 60_000m, 60_000m, 0.0001m)));
        executor.Tell(new MarketUpdated(Quote(Beta, 60_010m, 60_010m, 0.0004m)));
        return (executor, alpha, beta);
    }

    private static void AnswerTouch(TestProbe venue, VenueId id, decimal mid)
    {
        venue.FishForMessage<FetchBook>(_ => true);
        venue.Reply(new BookFetched(id, Book(id, mid)));
    }
}
