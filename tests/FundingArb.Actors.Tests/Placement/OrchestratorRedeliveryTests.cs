using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Venues;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Risk;

namespace FundingArb.Actors.Tests.Placement;

// The placement is a probe standing in for every pair host, so a test decides which deliveries arrive: a dropped
// message is one the test does not answer. Time is the TestScheduler's.
public sealed class OrchestratorRedeliveryTests : TestKit
{
    private static readonly TimeSpan s_redelivery = TimeSpan.FromSeconds(2);
    private readonly TestProbe _hosts;
    private readonly IActorRef _orchestrator;

    public OrchestratorRedeliveryTests()
        : base(ConfigurationFactory.ParseString("""
            akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
            """).WithFallback(InMemoryJournal.Config))
    {
        _hosts = CreateTestProbe();
        var alpha = CreateTestProbe();
        var beta = CreateTestProbe();
        var gateways = new Dictionary<VenueId, IActorRef> { [BtcQuotes.Alpha] = alpha.Ref, [BtcQuotes.Beta] = beta.Ref };
        var settings = OrchestratorSettings.Default with { ControllerEnabled = false, RedeliveryInterval = s_redelivery };
        _orchestrator = Sys.ActorOf(OrchestratorActor.Props(gateways, CreateTestProbe().Ref, CreateTestProbe().Ref, settings, RiskLimits.Default,
            new ProbePlacement(_hosts.Ref)));
        foreach (var (venue, gateway) in new[] { (BtcQuotes.Alpha, alpha), (BtcQuotes.Beta, beta) })
        {
            gateway.ExpectMsg<FetchInstruments>();
            _orchestrator.Tell(new InstrumentsFetched(venue, [BtcQuotes.Quote(venue, 60_000m, 60_000m, 0.0001m).Instrument]));
        }
    }

    [Fact]
    public void HostPair_is_sent_again_until_the_pair_reports_and_then_no_more()
    {
        var id = Create();
        _hosts.ExpectMsg<Delivered>(d => Assert.IsType<HostPair>(d.Message));

        Scheduler.Advance(s_redelivery);
        var again = _hosts.ExpectMsg<Delivered>();
        _orchestrator.Tell(new PairHosted(id, "akka.tcp://fundingarb@127.0.0.1:4062"));
        Scheduler.Advance(s_redelivery);
        var afterHosted = _hosts.ExpectMsg<Delivered>();
        _orchestrator.Tell(new ExecutorUpdated(Report(id, PairPhase.New)));
        Scheduler.Advance(s_redelivery * 3);

        Assert.Equal((id, typeof(HostPair)), (again.ExecutorId, again.Message.GetType()));
        Assert.IsType<HostPair>(afterHosted.Message);
        _hosts.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_dropped_stop_is_told_again_until_the_pairs_report_shows_it()
    {
        var id = Create();
        Acknowledge(id);

        _orchestrator.Tell(new StopExecutor(id, KeepPosition: false));
        ExpectMsg<CommandAccepted>();
        _hosts.ExpectMsg<Delivered>(d => Assert.IsType<StopPair>(d.Message));
        Scheduler.Advance(s_redelivery);
        var again = _hosts.ExpectMsg<Delivered>();
        _orchestrator.Tell(new ExecutorUpdated(Report(id, PairPhase.Closing)));
        Scheduler.Advance(s_redelivery * 3);

        Assert.Equal(new StopPair(KeepPosition: false), again.Message);
        _hosts.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_host_that_sharding_restarts_is_given_its_pair_and_one_for_an_unknown_pair_is_released()
    {
        var id = Create();
        Acknowledge(id);

        _orchestrator.Tell(new PairHostStarted(id));
        var rehosted = _hosts.ExpectMsg<Delivered>();
        _orchestrator.Tell(new PairHostStarted("pair-ETH-alpha-beta-9"));
        var released = _hosts.ExpectMsg<Delivered>();

        Assert.Equal((id, id), (rehosted.ExecutorId, Assert.IsType<HostPair>(rehosted.Message).Spec.ExecutorId));
        Assert.Equal(("pair-ETH-alpha-beta-9", (object)ReleasePair.Instance), (released.ExecutorId, released.Message));
    }

    [Fact]
    public void A_stored_pair_is_released_and_a_late_report_does_not_bring_it_back()
    {
        var id = Create();
        Acknowledge(id);
        _orchestrator.Tell(new ExecutorUpdated(Report(id, PairPhase.Closed) with { Status = RunnableStatus.Terminated }));

        _orchestrator.Tell(new StoreExecutor(id));
        ExpectMsg<CommandAccepted>();
        var released = _hosts.ExpectMsg<Delivered>();
        _orchestrator.Tell(new ExecutorUpdated(Report(id, PairPhase.Closed)));
        _orchestrator.Tell(GetExecutors.Instance);

        Assert.Equal((id, (object)ReleasePair.Instance), (released.ExecutorId, released.Message));
        Assert.Empty(ExpectMsg<ExecutorsReport>().Executors);
    }

    private TestScheduler Scheduler => (TestScheduler)Sys.Scheduler;

    private string Create()
    {
        _orchestrator.Tell(new CreateExecutor("BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m));
        return ExpectMsg<ExecutorCreated>().ExecutorId;
    }

    private void Acknowledge(string id)
    {
        _hosts.ExpectMsg<Delivered>(d => Assert.IsType<HostPair>(d.Message));
        _orchestrator.Tell(new PairHosted(id, "akka.tcp://fundingarb@127.0.0.1:4062"));
        _orchestrator.Tell(new ExecutorUpdated(Report(id, PairPhase.Open)));
    }

    private static PairReport Report(string id, PairPhase phase) =>
        Wire.ClusterMessageSamples.Report with { Spec = Wire.ClusterMessageSamples.Spec with { ExecutorId = id }, Phase = phase };

    private sealed record Delivered(string ExecutorId, object Message);

    private sealed class ProbePlacement(IActorRef probe) : IPairPlacement
    {
        public void Deliver(string executorId, object message, IActorRef sender) => probe.Tell(new Delivered(executorId, message), sender);
    }
}
