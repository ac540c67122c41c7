
namespace FundingArb.Kernel.Tests;

public sealed class DeterministicDispatcherTests
{
    [Fact]
    public void Tell_BeforeRunUntilIdle_RunsNothing()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = ActorSystem.Create("det", null, null, dispatcher);
        var log = new List<string>();
        var actor = system.ActorOf(Props.Create(() => new Recorder("a", log)));

        actor.Tell("hello", ActorRefs.NoSender);

        Assert.Empty(log);
        Assert.False(dispatcher.IsIdle);
        dispatcher.RunUntilCompleted(system.Terminate());
    }

    [Fact]
    public void RunUntilIdle_HandlesEverythingOnTheCallingThread()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = ActorSystem.Create("det", null, null, dispatcher);
        var log = new List<string>();
        var actor = system.ActorOf(Props.Create(() => new Recorder("a", log)));
        actor.Tell("one", ActorRefs.NoSender);
        actor.Tell("two", ActorRefs.NoSender);

        dispatcher.RunUntilIdle();

        Assert.Equal(["a:one", "a:two"], log);
        Assert.True(dispatcher.IsIdle);
        dispatcher.RunUntilCompleted(system.Terminate());
    }

    [Fact]
    public void RunUntilIdle_SameScenarioTwice_InterleavesActorsIdentically()
    {
        var first = RunPingPongScenario();
        var second = RunPingPongScenario();

        Assert.Equal(first, second);
        Assert.Equal(60, first.Count);
    }

    [Fact]
    public void RunUntilIdle_WithVirtualClock_DeliversTimersWhenAdvanced()
    {
        var dispatcher = new DeterministicDispatcher();
        var clock = new VirtualClock();
        var system = ActorSystem.Create("det", null, clock, dispatcher);
        var log = new List<string>();
        var actor = system.ActorOf(Props.Create(() => new Recorder("a", log)));
        dispatcher.RunUntilIdle();
        system.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(5), actor, "later", ActorRefs.NoSender);

        clock.Advance(TimeSpan.FromSeconds(4));
        dispatcher.RunUntilIdle();
        var before = log.ToArray();
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromSeconds(1), clock.NextDueAt);
        clock.Advance(TimeSpan.FromSeconds(1));
        dispatcher.RunUntilIdle();

        Assert.Empty(before);
        Assert.Equal(["a:later"], log);
        dispatcher.RunUntilCompleted(system.Terminate());
    }

    [Fact]
    public void RunUntilCompleted_Terminate_CompletesTheSystemsTermination()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = ActorSystem.Create("det", null, null, dispatcher);
        system.ActorOf(Props.Create(() => new Recorder("a", [])));

        var terminated = system.Terminate();
        dispatcher.RunUntilCompleted(terminated);

        Assert.True(system.WhenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public void RunUntilIdle_MaxRunsZero_Throws()
    {
        var dispatcher = new DeterministicDispatcher();

        Assert.Throws<ArgumentOutOfRangeException>(() => dispatcher.RunUntilIdle(0));
    }

    private static List<string> RunPingPongScenario()
    {
        var dispatcher = new DeterministicDispatcher();
        var system = ActorSystem.Create("det", null, null, dispatcher);
        var log = new List<string>();
        var actors = Enumerable.Range(0, 3).Select(i => system.ActorOf(Props.Create(() => new Recorder($"r{i}", log)))).ToList();
        for (var m = 0; m < 20; m++)
        {
            foreach (var actor in actors)
            {
                actor.Tell(m, ActorRefs.NoSender);
            }
        }

        dispatcher.RunUntilIdle();
        dispatcher.RunUntilCompleted(system.Terminate());
        return log;
    }

    private sealed class Recorder(string name, List<string> log) : UntypedActor
    {
        protected override void OnReceive(object message) => log.Add($"{name}:{message}");
    }
}
