using FundingArb.Kernel.TestKit;

namespace FundingArb.Kernel.Tests;

/// <summary>
/// Supervision directives and retry limits. Workers report <see cref="Created"/> from their constructor (so a
/// restart shows as Stopped, from the default PreRestart, then Created) and <see cref="Stopped"/> from PostStop.
/// The system runs on a virtual clock so retry windows are exact.
/// </summary>
public sealed class SupervisorStrategyTests : TestKit.TestKit
{
    private readonly VirtualClock _clock;

    public SupervisorStrategyTests()
        : this(new VirtualClock())
    {
    }

    private SupervisorStrategyTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public void OneForOne_Resume_KeepsTheStateAndHandlesTheNextMessage()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(_ => Directive.Resume));
        child.Tell("inc");
        child.Tell("inc");
        ReceiveN(2);

        child.Tell(new Fail(new InvalidOperationException("resume me")));
        child.Tell("inc");

        ExpectMsg(3);
    }

    [Fact]
    public void OneForOne_Restart_ResetsTheStateAndKeepsRefPathAndUid()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(_ => Directive.Restart));
        child.Tell("inc");
        ExpectMsg(1);

        child.Tell(new Fail(new InvalidOperationException("restart me")));
        ExpectMsg(new Stopped("worker"));
        var restarted = ExpectMsg<Created>();
        child.Tell("inc");

        ExpectMsg(1);
        Assert.Equal(child, restarted.Self);
        Assert.Equal(child.Path.Uid, restarted.Self.Path.Uid);
    }

    [Fact]
    public void OneForOne_Stop_StopsTheChild()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(_ => Directive.Stop));
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("stop me")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void OneForOne_Escalate_FailsTheParentWithTheSameException()
    {
        var decisions = CreateTestProbe();
        var grandparent = CreateSupervisor("grandparent", new OneForOneStrategy(e =>
        {
            decisions.Tell(e);
            return Directive.Stop;
        }));
        grandparent.Tell(new Spawn(SupervisorProps("parent", new OneForOneStrategy(_ => Directive.Escalate)), "parent"));
        var parent = ExpectMsg<Created>(c => c.Name == "parent").Self;
        parent.Tell(new Spawn(WorkerProps("worker"), "worker"));
        var child = ExpectMsg<Created>(c => c.Name == "worker").Self;
        var cause = new InvalidOperationException("escalate me");
        Watch(parent);

        child.Tell(new Fail(cause));

        Assert.Same(cause, decisions.ExpectMsg<InvalidOperationException>());
        FishForMessage<Terminated>(t => t.ActorRef.Equals(parent));
    }

    [Fact]
    public void OneForOne_Escalate_ParentIsRestartedByItsOwnSupervisor()
    {
        var (supervisor, child) = CreateSupervisedWorker(new OneForOneStrategy(_ => Directive.Escalate));

        child.Tell(new Fail(new InvalidOperationException("escalate me")));

        // The supervisor's PostStop (from the default PreRestart) does not wait for its children to stop,
        // but its new instance is created only once they have.
        Assert.Equivalent(new object[] { new Stopped("worker"), new Stopped("supervisor") }, ReceiveN(2));
        Assert.Equal(supervisor, ExpectMsg<Created>(c => c.Name == "supervisor").Self);
    }

    [Fact]
    public void OneForOne_OneChildRestarts_SiblingKeepsItsState()
    {
        var supervisor = CreateSupervisor("supervisor", new OneForOneStrategy(_ => Directive.Restart));
        var failing = SpawnWorker(supervisor, "failing");
        var sibling = SpawnWorker(supervisor, "sibling");
        sibling.Tell("inc");
        ExpectMsg(1);

        failing.Tell(new Fail(new InvalidOperationException("restart me")));
        ExpectMsg(new Stopped("failing"));
        ExpectMsg<Created>(c => c.Name == "failing");
        sibling.Tell("inc");

        ExpectMsg(2);
    }

    [Fact]
    public void AllForOne_Restart_RestartsEverySibling()
    {
        var supervisor = CreateSupervisor("supervisor", new AllForOneStrategy(_ => Directive.Restart));
        var failing = SpawnWorker(supervisor, "failing");
        var sibling = SpawnWorker(supervisor, "sibling");
        sibling.Tell("inc");
        ExpectMsg(1);

        failing.Tell(new Fail(new InvalidOperationException("restart all")));
        var events = ReceiveN(4);
        sibling.Tell("inc");

        Assert.Equivalent(
            new object[] { new Stopped("failing"), new Stopped("sibling"), "Created failing", "Created sibling" },
            events.Select(e => e is Created c ? $"Created {c.Name}" : e));
        ExpectMsg(1);
    }

    [Fact]
    public void AllForOne_Stop_StopsEverySibling()
    {
        var supervisor = CreateSupervisor("supervisor", new AllForOneStrategy(_ => Directive.Stop));
        var failing = SpawnWorker(supervisor, "failing");
        var sibling = SpawnWorker(supervisor, "sibling");
        Watch(sibling);

        failing.Tell(new Fail(new InvalidOperationException("stop all")));

        FishForMessage<Terminated>(t => t.ActorRef.Equals(sibling));
    }

    [Fact]
    public void AllForOne_Resume_ResumesOnlyTheFailedChild()
    {
        var supervisor = CreateSupervisor("supervisor", new AllForOneStrategy(_ => Directive.Resume));
        var failing = SpawnWorker(supervisor, "failing");
        var sibling = SpawnWorker(supervisor, "sibling");
        failing.Tell("inc");
        sibling.Tell("inc");
        ReceiveN(2);

        failing.Tell(new Fail(new InvalidOperationException("resume")));
        failing.Tell("inc");
        var failingCount = ExpectMsg<int>();
        sibling.Tell("inc");

        Assert.Equal(2, failingCount);
        ExpectMsg(2);
    }

    [Fact]
    public void MaxNrOfRetries_ExceededWithinTheWindow_StopsTheChildWithoutEscalating()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        Watch(child);
        FailAndExpectRestart(child);
        _clock.Advance(TimeSpan.FromSeconds(30));
        FailAndExpectRestart(child);
        _clock.Advance(TimeSpan.FromSeconds(30));

        child.Tell(new Fail(new InvalidOperationException("third")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void MaxNrOfRetries_WindowPassedBetweenFailures_CountStartsOver()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(2, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);

        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromMilliseconds(1));
        FailAndExpectRestart(child);
        FailAndExpectRestart(child);

        Watch(child);
        child.Tell(new Fail(new InvalidOperationException("third in the new window")));
        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxNrOfRetries_NoWindow_CountsOverTheChildsLifetime()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(2, null, _ => Directive.Restart));
        FailAndExpectRestart(child);
        _clock.Advance(TimeSpan.FromDays(1));
        FailAndExpectRestart(child);
        _clock.Advance(TimeSpan.FromDays(1));
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("third")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxNrOfRetries_Zero_StopsTheChildOnTheFirstFailure()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(0, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("no retries")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void MaxNrOfRetries_NegativeWithWindow_AllowsOneRestartPerWindow()
    {
        var (_, child) = CreateSupervisedWorker(new OneForOneStrategy(-1, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        FailAndExpectRestart(child);
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("second")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void AllForOne_RetriesExhausted_StopsEverySibling()
    {
        var supervisor = CreateSupervisor("supervisor", new AllForOneStrategy(0, TimeSpan.FromMinutes(1), _ => Directive.Restart));
        var failing = SpawnWorker(supervisor, "failing");
        var sibling = SpawnWorker(supervisor, "sibling");
        Watch(failing);
        Watch(sibling);

        failing.Tell(new Fail(new InvalidOperationException("no retries")));

        var stopped = ReceiveN(4).OfType<Terminated>().Select(t => t.ActorRef).ToHashSet();
        Assert.Equal([failing, sibling], stopped.Order());
    }

    [Fact]
    public void DefaultStrategy_OrdinaryException_RestartsWithoutLimit()
    {
        var (_, child) = CreateSupervisedWorker(SupervisorStrategy.DefaultStrategy);

        for (var i = 0; i < 12; i++)
        {
            FailAndExpectRestart(child);
        }

        child.Tell("inc");
        ExpectMsg(1);
    }

    [Fact]
    public void DefaultStrategy_ConstructorThrows_ActorInitializationExceptionStopsTheChild()
    {
        var decisions = CreateTestProbe();
        var supervisor = CreateSupervisor("supervisor", ReportingDefaultStrategy(decisions));

        supervisor.Tell(new Spawn(Props.Create<ThrowingConstructor>(), "broken", ReplyWithRef: true));
        var child = ExpectMsg<IActorRef>();
        Watch(child);

        var failure = decisions.ExpectMsg<ActorInitializationException>();
        Assert.IsType<InvalidOperationException>(failure.InnerException);
        Assert.Equal(child, failure.Actor);
        ExpectTerminated(child);
    }

    [Fact]
    public void DefaultStrategy_PreStartThrows_ActorInitializationExceptionStopsTheChild()
    {
        var decisions = CreateTestProbe();
        var supervisor = CreateSupervisor("supervisor", ReportingDefaultStrategy(decisions));

        supervisor.Tell(new Spawn(Props.Create<ThrowingPreStart>(), "broken", ReplyWithRef: true));
        var child = ExpectMsg<IActorRef>();
        Watch(child);

        decisions.ExpectMsg<ActorInitializationException>();
        ExpectTerminated(child);
    }

    [Fact]
    public void DefaultStrategy_Kill_ActorKilledExceptionStopsTheChild()
    {
        var decisions = CreateTestProbe();
        var supervisor = CreateSupervisor("supervisor", ReportingDefaultStrategy(decisions));
        var child = SpawnWorker(supervisor, "worker");
        Watch(child);

        child.Tell(Kill.Instance);

        decisions.ExpectMsg<ActorKilledException>();
        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void StoppingStrategy_OrdinaryException_StopsTheChild()
    {
        var (_, child) = CreateSupervisedWorker(SupervisorStrategy.StoppingStrategy);
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("stop")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void WithSupervisorStrategy_OnProps_OverridesTheActorsOwnStrategy()
    {
        var props = SupervisorProps("supervisor", new OneForOneStrategy(_ => Directive.Resume))
            .WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);
        var supervisor = Sys.ActorOf(props, "supervisor");
        ExpectMsg<Created>();
        var child = SpawnWorker(supervisor, "worker");
        Watch(child);

        child.Tell(new Fail(new InvalidOperationException("which strategy?")));

        ExpectMsg(new Stopped("worker"));
        ExpectTerminated(child);
    }

    [Fact]
    public void Decider_RunsInTheParent_SenderIsTheFailingChild()
    {
        var parent = Sys.ActorOf(Props.Create(() => new SenderReportingSupervisor(TestActor)));
        parent.Tell(new Spawn(WorkerProps("worker"), "worker"));
        var child = ExpectMsg<Created>().Self;

        child.Tell(new Fail(new InvalidOperationException("who?")));

        Assert.Equal(child, ExpectMsg<IActorRef>());
    }

    private Props WorkerProps(string name) => Props.Create(() => new Worker(TestActor, name));

    private Props SupervisorProps(string name, SupervisorStrategy strategy) => Props.Create(() => new Supervisor(TestActor, name, strategy));

    private static OneForOneStrategy ReportingDefaultStrategy(TestProbe decisions) => new(e =>
    {
        decisions.Tell(e);
        return SupervisorStrategy.DefaultDecider(e);
    });

    private IActorRef CreateSupervisor(string name, SupervisorStrategy strategy)
    {
        var supervisor = Sys.ActorOf(SupervisorProps(name, strategy), name);
        ExpectMsg<Created>(c => c.Name == name);
        return supervisor;
    }

    private IActorRef SpawnWorker(IActorRef supervisor, string name)
    {
        supervisor.Tell(new Spawn(WorkerProps(name), name));
        return ExpectMsg<Created>(c => c.Name == name).Self;
    }

    private (IActorRef Supervisor, IActorRef Child) CreateSupervisedWorker(SupervisorStrategy strategy)
    {
        var supervisor = CreateSupervisor("supervisor", strategy);
        return (supervisor, SpawnWorker(supervisor, "worker"));
    }

    private void FailAndExpectRestart(IActorRef child)
    {
        child.Tell(new Fail(new InvalidOperationException("restart")));
        ExpectMsg<Stopped>();
        ExpectMsg<Created>(c => c.Self.Equals(child));
    }

    private sealed record Created(string Name, IActorRef Self);

    private sealed record Stopped(string Name);

    private sealed record Fail(Exception Cause);

    private sealed record Spawn(Props Props, string Name, bool ReplyWithRef = false);

    private sealed class Worker : ReceiveActor
    {
        private readonly string _name;
        private readonly IActorRef _probe;
        private int _count;

        public Worker(IActorRef probe, string name)
        {
            _name = name;
            _probe = probe;
            _probe.Tell(new Created(name, Self));
            Receive<string>(s => s == "inc", _ => Sender.Tell(++_count));
            Receive<Fail>(f => throw f.Cause);
        }

        protected override void PostStop() => _probe.Tell(new Stopped(_name));
    }

    private sealed class Supervisor : ReceiveActor
    {
        private readonly string _name;
        private readonly SupervisorStrategy _strategy;
        private readonly IActorRef _probe;

        public Supervisor(IActorRef probe, string name, SupervisorStrategy strategy)
        {
            _name = name;
            _strategy = strategy;
            _probe = probe;
            _probe.Tell(new Created(name, Self));
            Receive<Spawn>(s =>
            {
                var child = Context.ActorOf(s.Props, s.Name);
                if (s.ReplyWithRef)
                {
                    Sender.Tell(child);
                }
            });
        }

        protected override SupervisorStrategy SupervisorStrategy() => _strategy;

        protected override void PostStop() => _probe.Tell(new Stopped(_name));
    }

    private sealed class SenderReportingSupervisor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public SenderReportingSupervisor(IActorRef probe)
        {
            _probe = probe;
            Receive<Spawn>(s => Context.ActorOf(s.Props, s.Name));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ =>
        {
            _probe.Tell(Sender);
            return Directive.Resume;
        });
    }

    private sealed class ThrowingConstructor : ReceiveActor
    {
        public ThrowingConstructor() => throw new InvalidOperationException("cannot build");
    }

    private sealed class ThrowingPreStart : ReceiveActor
    {
        protected override void PreStart() => throw new InvalidOperationException("cannot start");
    }
}
