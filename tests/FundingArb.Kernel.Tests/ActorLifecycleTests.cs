namespace FundingArb.Kernel.Tests;

/// <summary>PreStart, PostStop, PreRestart and PostRestart, and what a restart keeps and drops.</summary>
public sealed class ActorLifecycleTests : TestKit.TestKit
{
    [Fact]
    public void PreStart_ActorCreated_RunsBeforeTheFirstMessage()
    {
        var actor = CreateLifecycleActor(Task.CompletedTask);

        actor.Tell("hello");

        ExpectMsg("pre-start 1");
        ExpectMsg("1 got hello");
    }

    [Fact]
    public void PreRestart_OldInstance_ReceivesTheCauseAndTheFailingMessage()
    {
        var actor = CreateLifecycleActor(Task.CompletedTask);
        ExpectMsg("pre-start 1");

        actor.Tell("fail");

        ExpectMsg("pre-restart 1: boom on fail, message fail");
    }

    [Fact]
    public void PostRestart_Default_CallsPreStartOnTheNewInstance()
    {
        var actor = CreateLifecycleActor(Task.CompletedTask);
        ExpectMsg("pre-start 1");

        actor.Tell("fail");

        ExpectMsg<string>(s => s.StartsWith("pre-restart 1", StringComparison.Ordinal));
        ExpectMsg("post-stop 1");
        ExpectMsg("pre-start 2");
    }

    [Fact]
    public void PostRestart_OverriddenWithoutBase_PreStartDoesNotRunAgain()
    {
        var actor = Sys.ActorOf(Props.Create(() => new QuietRestartActor(TestActor)));
        ExpectMsg("pre-start");

        actor.Tell("fail");
        ExpectMsg("post-restart");
        actor.Tell("ping");

        ExpectMsg("pong");
    }

    [Fact]
    public void Restart_FailingMessage_IsDroppedAndTheRestOfTheMailboxReachesTheNewInstance()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = CreateLifecycleActor(gate.Task);
        ExpectMsg("pre-start 1");
        actor.Tell("block then fail");
        ExpectMsg("1 blocked");
        actor.Tell("a");
        actor.Tell("b");

        gate.SetResult();

        FishForMessage<string>(s => s == "pre-start 2");
        ExpectMsg("2 got a");
        ExpectMsg("2 got b");
    }

    [Fact]
    public void Restart_RefPathAndUid_AreUnchanged()
    {
        var actor = CreateLifecycleActor(Task.CompletedTask);
        ExpectMsg("pre-start 1");
        actor.Tell("self?");
        var before = ExpectMsg<IActorRef>();

        actor.Tell("fail");
        FishForMessage<string>(s => s == "pre-start 2");
        actor.Tell("self?");
        var after = ExpectMsg<IActorRef>();

        Assert.Equal(before, after);
        Assert.Equal(before.Path, after.Path);
        Assert.Equal(before.Path.Uid, after.Path.Uid);
    }

    [Fact]
    public void ActorOf_ReusedPathAfterStop_NewIncarnationHasNewUidAndIsNotEqual()
    {
        var first = CreateLifecycleActor(Task.CompletedTask, "reincarnated");
        ExpectMsg("pre-start 1");
        Watch(first);
        Sys.Stop(first);
        ExpectMsg("post-stop 1");
        ExpectTerminated(first);

        var second = AwaitCreated("reincarnated");
        ExpectMsg("pre-start 1");
        first.Tell("to the dead");
        second.Tell("to the living");

        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first.Path.Uid, second.Path.Uid);
        Assert.NotEqual(first, second);
        ExpectMsg("1 got to the living");
    }

    [Fact]
    public void PreRestart_Default_StopsTheChildren()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, stopChildrenOnRestart: true)));
        var child = ExpectMsg<IActorRef>();

        parent.Tell("fail");

        // The parent's PostStop (called by the default PreRestart) does not wait for the child to stop.
        Assert.Equal(["child post-stop", "parent post-stop"], ReceiveN(2).Cast<string>().Order());
        var newChild = ExpectMsg<IActorRef>();
        Assert.NotEqual(child, newChild);
        Assert.Equal(child.Path, newChild.Path);
    }

    [Fact]
    public void Restart_ChildrenKeptByPreRestart_AreRestartedThemselves()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, stopChildrenOnRestart: false)));
        var child = ExpectMsg<IActorRef>();

        parent.Tell("fail");

        FishForMessage<string>(s => s == "child post-restart");
        child.Tell("ping");
        ExpectMsg("child pong");
    }

    [Fact]
    public void PostStop_ActorWithChildren_RunsAfterTheChildrenStopped()
    {
        var parent = Sys.ActorOf(Props.Create(() => new ParentActor(TestActor, stopChildrenOnRestart: true)));
        ExpectMsg<IActorRef>();

        Sys.Stop(parent);

        ExpectMsg("child post-stop");
        ExpectMsg("parent post-stop");
    }

    private IActorRef AwaitCreated(string name)
    {
        IActorRef? created = null;
        AwaitAssert(() => created = CreateLifecycleActor(Task.CompletedTask, name));
        return created!;
    }

    private IActorRef CreateLifecycleActor(Task gate, string? name = null)
    {
        var incarnations = new Incarnations();
        return Sys.ActorOf(Props.Create(() => new LifecycleActor(TestActor, gate, incarnations)), name);
    }

    /// <summary>Counts the instances one Props built: its factory captures one counter for all of them.</summary>
    private sealed class Incarnations
    {
        private int _count;

        public int Next() => Interlocked.Increment(ref _count);
    }

    private sealed class LifecycleActor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly int _incarnation;

        public LifecycleActor(IActorRef probe, Task gate, Incarnations incarnations)
        {
            _probe = probe;
            _incarnation = incarnations.Next();
            Receive<string>(s => s == "fail", s => throw new InvalidOperationException("boom on " + s));
            Receive<string>(s => s == "self?", _ => probe.Tell(Self));
            ReceiveAsync<string>(
                async _ =>
                {
                    probe.Tell($"{_incarnation} blocked");
                    await gate;
                    throw new InvalidOperationException("failed after the gate");
                },
                s => s == "block then fail");
            Receive<string>(s => probe.Tell($"{_incarnation} got {s}"));
        }

        protected override void PreStart() => _probe.Tell($"pre-start {_incarnation}");

        protected override void PreRestart(Exception reason, object? message)
        {
            _probe.Tell($"pre-restart {_incarnation}: {reason.Message}, message {message}");
            base.PreRestart(reason, message);
        }

        protected override void PostStop() => _probe.Tell($"post-stop {_incarnation}");
    }

    private sealed class QuietRestartActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public QuietRestartActor(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("boom"));
            Receive<string>(_ => probe.Tell("pong"));
        }

        protected override void PreStart() => _probe.Tell("pre-start");

        protected override void PostRestart(Exception reason) => _probe.Tell("post-restart");
    }

    private sealed class ParentActor : ReceiveActor
    {
        private readonly IActorRef _probe;
        private readonly bool _stopChildrenOnRestart;

        public ParentActor(IActorRef probe, bool stopChildrenOnRestart)
        {
            _probe = probe;
            _stopChildrenOnRestart = stopChildrenOnRestart;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("parent fails"));
        }

        protected override void PreStart()
        {
            if (Context.Child("child").IsNobody())
            {
                _probe.Tell(Context.ActorOf(Props.Create(() => new ChildActor(_probe)), "child"));
            }
        }

        protected override void PreRestart(Exception reason, object? message)
        {
            if (_stopChildrenOnRestart)
            {
                base.PreRestart(reason, message);
            }
        }

        protected override void PostStop() => _probe.Tell("parent post-stop");
    }

    private sealed class ChildActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public ChildActor(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(_ => probe.Tell("child pong"));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("child post-restart");

        protected override void PostStop() => _probe.Tell("child post-stop");
    }
}
