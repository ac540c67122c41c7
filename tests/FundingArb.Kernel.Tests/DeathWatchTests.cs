namespace FundingArb.Kernel.Tests;

public sealed class DeathWatchTests : TestKit.TestKit
{
    [Fact]
    public void Watch_WatchedActorStops_DeliversTerminatedFromIt()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        Sys.Stop(target);

        var (terminated, sender, _) = ExpectMsg<Got>();
        Assert.Equal(target, terminated.ActorRef);
        Assert.True(terminated.ExistenceConfirmed);
        Assert.False(terminated.AddressTerminated);
        Assert.Equal(target, sender);
    }

    [Fact]
    public void Watch_AlreadyStoppedActor_DeliversTerminatedWithExistenceNotConfirmed()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        watcher.Tell(new WatchIt(target));

        ExpectMsg("watching");
        var terminated = ExpectMsg<Got>().Terminated;
        Assert.Equal(target, terminated.ActorRef);
        Assert.False(terminated.ExistenceConfirmed);
    }

    [Fact]
    public void Unwatch_BeforeTheWatchedActorStops_NoTerminatedIsDelivered()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        watcher.Tell(new UnwatchIt(target));
        ExpectMsg("unwatched");
        Watch(target);
        Sys.Stop(target);
        ExpectTerminated(target);

        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
    }

    [Fact]
    public void Unwatch_TerminatedAlreadyQueued_IsDropped()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var parent = Sys.ActorOf(Props.Create(() => new UnwatchingParent(TestActor, gate.Task)));
        var child = ExpectMsg<IActorRef>();
        Watch(child);
        parent.Tell("block");
        ExpectMsg("blocked");

        // The child tells its parent before its other watchers, so once the test actor has the Terminated,
        // the parent has queued its own; the parent unwatches only afterwards, when the gate opens.
        Sys.Stop(child);
        ExpectTerminated(child);
        gate.SetResult();
        ExpectMsg("unwatched");

        parent.Tell("ping");
        ExpectMsg("pong");
    }

    [Fact]
    public void WatchWith_WatchedActorStops_DeliversTheCustomMessageInstead()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchItWith(target, new Died("target")));
        ExpectMsg("watching");

        Sys.Stop(target);

        ExpectMsg(new Died("target"));
    }

    [Fact]
    public void WatchWith_AlreadyWatchedWithAnotherMessage_Throws()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchItWith(target, new Died("first")));
        ExpectMsg("watching");

        watcher.Tell(new WatchItWith(target, new Died("second")));

        ExpectMsg<InvalidOperationException>();
    }

    [Fact]
    public void Watch_WatchedActorRestarts_NoTerminatedUntilItReallyStops()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");

        target.Tell("fail");
        ExpectMsg("restarted");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        Sys.Stop(target);

        Assert.Equal(target, ExpectMsg<Got>().Terminated.ActorRef);
    }

    [Fact]
    public void Watch_WatcherStopsFirst_WatchedActorLivesOn()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        watcher.Tell(new WatchIt(target));
        ExpectMsg("watching");
        Watch(watcher);
        Sys.Stop(watcher);
        ExpectTerminated(watcher);

        target.Tell("ping");

        ExpectMsg("pong");
    }

    [Fact]
    public void Terminated_NotHandled_WatcherStopsWithDeathPact()
    {
        Sys.ActorOf(Props.Create(() => new DecisionReporter(TestActor, Props.Create<UnhandlingWatcher>())));
        var watcher = ExpectMsg<IActorRef>();
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        Watch(watcher);

        watcher.Tell(new WatchIt(target));
        Sys.Stop(target);

        var failure = ExpectMsg<DeathPactException>();
        Assert.Equal(target, failure.DeadActor);
        ExpectTerminated(watcher);
    }

    [Fact]
    public void Watch_ChildStoppedByItsParent_ParentReceivesTerminated()
    {
        var parent = Sys.ActorOf(Props.Create(() => new StoppingParent(TestActor)));
        var child = ExpectMsg<IActorRef>();

        parent.Tell("stop child");

        Assert.Equal(child, ExpectMsg<Got>().Terminated.ActorRef);
    }

    [Fact]
    public void Terminated_ToldForAnActorNotWatched_NeverReachesTheBehaviour()
    {
        var watcher = Sys.ActorOf(Props.Create(() => new Watcher(TestActor)));

        watcher.Tell(new Terminated(TestActor, ExistenceConfirmed: true, AddressTerminated: false));
        watcher.Tell("ping");

        ExpectMsg("pong");
    }

    [Fact]
    public void Watch_ManyWatchersWhileTheTargetStops_EachGetsExactlyOneTerminated()
    {
        const int Watchers = 20;
        var target = Sys.ActorOf(Props.Create(() => new Target(TestActor)));
        var watchers = Enumerable.Range(0, Watchers).Select(_ => Sys.ActorOf(Props.Create(() => new Watcher(TestActor)))).ToList();

        watchers.ForEach(w => w.Tell(new WatchIt(target)));
        Sys.Stop(target);

        var received = ReceiveN(Watchers * 2);
        Assert.Equal(Watchers, received.Count(m => m is "watching"));
        Assert.Equal(watchers.Order(), received.OfType<Got>().Select(g => g.Watcher).Order());
        ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    private sealed record WatchIt(IActorRef Subject);

    private sealed record WatchItWith(IActorRef Subject, object Message);

    private sealed record UnwatchIt(IActorRef Subject);

    private sealed record Died(string Who);

    private sealed record Got(Terminated Terminated, IActorRef Sender, IActorRef Watcher);

    private sealed class Watcher : ReceiveActor
    {
        public Watcher(IActorRef probe)
        {
            Receive<WatchIt>(w =>
            {
                Context.Watch(w.Subject);
                probe.Tell("watching");
            });
            Receive<WatchItWith>(w =>
            {
                try
                {
                    Context.WatchWith(w.Subject, w.Message);
                    probe.Tell("watching");
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e);
                }
            });
            Receive<UnwatchIt>(w =>
            {
                Context.Unwatch(w.Subject);
                probe.Tell("unwatched");
            });
            // A Terminated told on to another actor would be dropped there (it is not one that actor watched),
            // so it travels wrapped.
            Receive<Terminated>(t => probe.Tell(new Got(t, Sender, Self)));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            ReceiveAny(m => probe.Forward(m));
        }
    }

    private sealed class Target : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Target(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");
    }

    private sealed class UnhandlingWatcher : ReceiveActor
    {
        public UnhandlingWatcher()
        {
            Receive<WatchIt>(w => Context.Watch(w.Subject));
        }
    }

    private sealed class DecisionReporter : ReceiveActor
    {
        private readonly IActorRef _probe;

        public DecisionReporter(IActorRef probe, Props childProps)
        {
            _probe = probe;
            probe.Tell(Context.ActorOf(childProps, "child"));
        }

        protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(e =>
        {
            _probe.Tell(e);
            return Kernel.SupervisorStrategy.DefaultDecider(e);
        });
    }

    private sealed class UnwatchingParent : ReceiveActor
    {
        private readonly IActorRef _child;

        public UnwatchingParent(IActorRef probe, Task gate)
        {
            _child = Context.Watch(Context.ActorOf(Props.Create(() => new Target(probe)), "child"));
            probe.Tell(_child);
            ReceiveAsync<string>(
                async _ =>
                {
                    probe.Tell("blocked");
                    await gate;
                    Context.Unwatch(_child);
                    probe.Tell("unwatched");
                },
                s => s == "block");
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            Receive<Terminated>(_ => probe.Tell("terminated"));
        }
    }

    private sealed class StoppingParent : ReceiveActor
    {
        public StoppingParent(IActorRef probe)
        {
            var child = Context.Watch(Context.ActorOf(Props.Create(() => new Target(probe)), "child"));
            probe.Tell(child);
            Receive<string>(s => s == "stop child", _ => Context.Stop(child));
            Receive<Terminated>(t => probe.Tell(new Got(t, Sender, Self)));
        }
    }
}
