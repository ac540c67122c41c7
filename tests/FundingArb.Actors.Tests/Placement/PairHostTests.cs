using System.Collections.Concurrent;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Tests.Wire;

namespace FundingArb.Actors.Tests.Placement;

public sealed class PairHostTests : TestKit
{
    private static readonly PairSpec s_spec = ClusterMessageSamples.Spec;
    private readonly ConcurrentQueue<PairSpec> _started = new();

    [Fact]
    public void A_host_asks_for_its_pair_then_runs_the_executor_once_however_often_it_is_asked()
    {
        var orchestrator = CreateTestProbe();
        var executor = CreateTestProbe();

        var host = Sys.ActorOf(HostProps(orchestrator, executor));
        orchestrator.ExpectMsg<PairHostStarted>(m => Assert.Equal(s_spec.ExecutorId, m.ExecutorId));
        host.Tell(new HostPair(s_spec), orchestrator.Ref);
        host.Tell(new HostPair(s_spec), orchestrator.Ref);

        var acknowledged = new[] { orchestrator.ExpectMsg<PairHosted>(), orchestrator.ExpectMsg<PairHosted>() };
        Assert.All(acknowledged, a => Assert.Equal((s_spec.ExecutorId, NodeAddress), (a.ExecutorId, a.Node)));
        AwaitAssert(() => Assert.Equal([s_spec], _started.ToArray()));
    }

    [Fact]
    public void Reports_reach_the_orchestrator_stamped_with_the_node_and_commands_reach_the_executor()
    {
        var orchestrator = CreateTestProbe();
        var executor = CreateTestProbe();
        var host = Sys.ActorOf(HostProps(orchestrator, executor));
        host.Tell(new HostPair(s_spec), orchestrator.Ref);
        orchestrator.FishForMessage<PairHosted>(_ => true);

        host.Tell(new StopPair(KeepPosition: false), orchestrator.Ref);
        executor.ExpectMsg<StopPair>(m => Assert.False(m.KeepPosition));
        host.Tell(new ProbeExecutor.ToParent(new ExecutorUpdated(ClusterMessageSamples.Report with { Node = null })));

        Assert.Equal(NodeAddress, orchestrator.ExpectMsg<ExecutorUpdated>().Report.Node);
    }

    [Fact]
    public void An_executor_that_stops_on_its_own_is_reported_and_the_next_HostPair_runs_it_again()
    {
        var orchestrator = CreateTestProbe();
        var executor = CreateTestProbe();
        var host = Sys.ActorOf(HostProps(orchestrator, executor));
        host.Tell(new HostPair(s_spec), orchestrator.Ref);
        orchestrator.FishForMessage<PairHosted>(_ => true);

        host.Tell(ProbeExecutor.StopSelf.Instance);
        orchestrator.ExpectMsg<ExecutorStopped>(m => Assert.Equal(s_spec.ExecutorId, m.ExecutorId));
        host.Tell(new HostPair(s_spec), orchestrator.Ref);

        orchestrator.ExpectMsg<PairHosted>();
        AwaitAssert(() => Assert.Equal(2, _started.Count));
    }

    [Fact]
    public void A_released_pair_stops_its_executor_with_HandOff_then_asks_its_parent_to_retire_it()
    {
        var orchestrator = CreateTestProbe();
        var executor = CreateTestProbe();
        var host = ChildActorOf(HostProps(orchestrator, executor, retireMessage: "retire"));
        Watch(host);
        host.Tell(new HostPair(s_spec), orchestrator.Ref);
        orchestrator.FishForMessage<PairHosted>(_ => true);

        host.Tell(ReleasePair.Instance, orchestrator.Ref);

        executor.ExpectMsg<HandOff>();
        ExpectMsg("retire");
        host.Tell(HandOff.Instance);
        ExpectTerminated(host);
        orchestrator.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void A_hand_off_stops_the_executor_first_and_the_host_after_it_without_retiring_the_pair()
    {
        var orchestrator = CreateTestProbe();
        var executor = CreateTestProbe();
        var host = ChildActorOf(HostProps(orchestrator, executor, retireMessage: "retire"));
        Watch(host);
        host.Tell(new HostPair(s_spec), orchestrator.Ref);
        orchestrator.FishForMessage<PairHosted>(_ => true);

        host.Tell(HandOff.Instance);

        executor.ExpectMsg<HandOff>();
        ExpectTerminated(host);
        ExpectNoMsg(TimeSpan.FromMilliseconds(200));
    }

    private string NodeAddress => ((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString();

    private Props HostProps(Akka.TestKit.TestProbe orchestrator, Akka.TestKit.TestProbe executor, object? retireMessage = null) =>
        PairHost.Props(s_spec.ExecutorId, orchestrator.Ref, spec =>
        {
            _started.Enqueue(spec);
            return ProbeExecutor.Props(executor.Ref);
        }, maxRestarts: 3, restartWindow: TimeSpan.FromMinutes(1), retireMessage);
}
