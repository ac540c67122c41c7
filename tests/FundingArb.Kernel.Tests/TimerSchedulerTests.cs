
namespace FundingArb.Kernel.Tests;

/// <summary>
/// Actor timers on a virtual clock. A timer's message is told to the actor while the clock is advanced, so a
/// "ping" told after the advance is a fence: any tick the advance produced is handled before the pong.
/// </summary>
public sealed class TimerSchedulerTests : TestKit.TestKit
{
    private static readonly TimeSpan s_second = TimeSpan.FromSeconds(1);
    private readonly VirtualClock _clock;

    public TimerSchedulerTests()
        : this(new VirtualClock())
    {
    }

    private TimerSchedulerTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public void StartSingleTimer_ClockReachesDueTime_DeliversMessageOnce()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("k", new Tick("once"), s_second));
        ExpectMsg("started");

        _clock.Advance(s_second - TimeSpan.FromMilliseconds(1));
        ExpectPong(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var tick = ExpectMsg<Tick>();
        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.Equal(new Tick("once"), tick);
        ExpectPong(actor);
    }

    [Fact]
    public void StartPeriodicTimer_ClockAdvancedOverSeveralIntervals_DeliversOncePerInterval()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("beat"), s_second, s_second));
        ExpectMsg("started");

        _clock.Advance(TimeSpan.FromMilliseconds(3500));

        Assert.Equal([new Tick("beat"), new Tick("beat"), new Tick("beat")], ReceiveN(3));
        ExpectPong(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        ExpectMsg(new Tick("beat"));
    }

    [Fact]
    public void StartPeriodicTimer_WithInitialDelay_FirstFiresAfterTheDelayThenEveryInterval()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("late"), TimeSpan.FromSeconds(5), s_second));
        ExpectMsg("started");

        _clock.Advance(TimeSpan.FromMilliseconds(4999));
        ExpectPong(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        ExpectMsg(new Tick("late"));
        _clock.Advance(s_second);

        ExpectMsg(new Tick("late"));
    }

    [Fact]
    public void StartSingleTimer_WithSender_DeliversWithThatSender()
    {
        var actor = CreateTimerActor();
        var sender = CreateTestProbe();
        actor.Tell(new StartSingle("k", new Tick("from"), s_second, sender.Ref));
        ExpectMsg("started");

        _clock.Advance(s_second);

        ExpectMsg(new Tick("from"));
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public void StartSingleTimer_SameKeyBeforeDue_ReplacesTheOldTimer()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("k", new Tick("old"), s_second));
        ExpectMsg("started");
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        actor.Tell(new StartSingle("k", new Tick("new"), s_second));
        ExpectMsg("started");
        _clock.Advance(TimeSpan.FromMilliseconds(500));
        ExpectPong(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(500));

        ExpectMsg(new Tick("new"));
        ExpectPong(actor);
    }

    [Fact]
    public void StartSingleTimer_SameKeyWhileOldMessageIsQueued_OldMessageIsNeverReceived()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("k", new Tick("old"), s_second));
        ExpectMsg("started");

        actor.Tell(new AdvanceThen(_clock, s_second, new StartSingle("k", new Tick("new"), s_second)));
        ExpectMsg("started");
        ExpectPong(actor);
        _clock.Advance(s_second);

        ExpectMsg(new Tick("new"));
    }

    [Fact]
    public void Cancel_ActiveTimer_NothingIsDeliveredAndTimerIsInactive()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("never"), s_second, s_second));
        ExpectMsg("started");

        actor.Tell(new CancelTimer("k"));
        ExpectMsg("cancelled");
        _clock.Advance(TimeSpan.FromSeconds(5));

        ExpectPong(actor);
        actor.Tell(new IsActive("k"));
        Assert.False(ExpectMsg<bool>());
    }

    [Fact]
    public void Cancel_WhileMessageIsQueued_MessageIsNeverReceived()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("k", new Tick("queued"), s_second));
        ExpectMsg("started");

        actor.Tell(new AdvanceThen(_clock, s_second, new CancelTimer("k")));
        ExpectMsg("cancelled");

        ExpectPong(actor);
    }

    [Fact]
    public void CancelAll_SeveralTimers_NoneFires()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("a", new Tick("a"), s_second));
        actor.Tell(new StartPeriodic("b", new Tick("b"), s_second, s_second));
        ExpectMsg("started");
        ExpectMsg("started");

        actor.Tell(new CancelAllTimers());
        ExpectMsg("cancelled");
        _clock.Advance(TimeSpan.FromSeconds(5));

        ExpectPong(actor);
    }

    [Fact]
    public void IsTimerActive_SingleTimerBeforeAndAfterDelivery_TrueThenFalse()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartSingle("k", new Tick("t"), s_second));
        ExpectMsg("started");
        actor.Tell(new IsActive("k"));
        var before = ExpectMsg<bool>();

        _clock.Advance(s_second);
        ExpectMsg(new Tick("t"));
        actor.Tell(new IsActive("k"));
        var after = ExpectMsg<bool>();

        Assert.True(before);
        Assert.False(after);
    }

    [Fact]
    public void IsTimerActive_PeriodicTimerAfterFiring_StaysTrue()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("t"), s_second, s_second));
        ExpectMsg("started");

        _clock.Advance(s_second);
        ExpectMsg(new Tick("t"));
        actor.Tell(new IsActive("k"));

        Assert.True(ExpectMsg<bool>());
    }

    [Fact]
    public void Timers_ActorStops_TimersAreCancelled()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("t"), s_second, s_second));
        ExpectMsg("started");
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        _clock.Advance(TimeSpan.FromSeconds(5));
        deadLetters.Tell("fence");

        deadLetters.ExpectMsg("fence");
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void Timers_ActorRestarts_TimersOfTheOldInstanceAreCancelled()
    {
        var actor = CreateTimerActor();
        actor.Tell(new StartPeriodic("k", new Tick("t"), s_second, s_second));
        ExpectMsg("started");

        actor.Tell(new Fail());
        ExpectMsg("restarted");
        _clock.Advance(TimeSpan.FromSeconds(5));

        ExpectPong(actor);
    }

    [Fact]
    public void Timers_RestartWhileOldTimerMessageIsQueued_NewInstanceNeverReceivesIt()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, new StartSingle("k", new Tick("stale"), s_second))));
        ExpectMsg("started");

        actor.Tell(new AdvanceThen(_clock, s_second, new Fail()));
        ExpectMsg("restarted");
        ExpectMsg("started");

        ExpectPong(actor);
        _clock.Advance(s_second);
        ExpectMsg(new Tick("stale"));
    }

    [Fact]
    public void StartPeriodicTimer_InTheConstructor_FiresLikeAnyOtherTimer()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ConstructorTimerActor(TestActor)));
        ExpectMsg("constructed");

        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal([new Tick("from constructor"), new Tick("from constructor")], ReceiveN(2));
        ExpectPong(actor);
    }

    private IActorRef CreateTimerActor() => Sys.ActorOf(Props.Create(() => new TimerActor(TestActor, null)));

    private void ExpectPong(IActorRef actor)
    {
        actor.Tell("ping");
        ExpectMsg("pong");
    }

    private sealed record Tick(string Name);

    private sealed record StartSingle(object Key, object Message, TimeSpan Timeout, IActorRef? Sender = null);

    private sealed record StartPeriodic(object Key, object Message, TimeSpan InitialDelay, TimeSpan Interval);

    private sealed record CancelTimer(object Key);

    private sealed record CancelAllTimers;

    private sealed record IsActive(object Key);

    private sealed record Fail;

    /// <summary>Advances the clock from inside the actor, so the timer messages due meanwhile are queued behind this one.</summary>
    private sealed record AdvanceThen(VirtualClock Clock, TimeSpan By, object Then);

    private sealed class TimerActor : ReceiveActor, IWithTimers
    {
        private readonly IActorRef _target;
        private readonly StartSingle? _onStart;

        public TimerActor(IActorRef target, StartSingle? onStart)
        {
            _target = target;
            _onStart = onStart;
            Receive<AdvanceThen>(a =>
            {
                a.Clock.Advance(a.By);
                Handle(a.Then);
            });
            Receive<Tick>(t => _target.Forward(t));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
            ReceiveAny(Handle);
        }

        public ITimerScheduler Timers { get; set; } = null!;

        protected override void PreStart()
        {
            if (_onStart is not null)
            {
                Handle(_onStart);
            }
        }

        protected override void PostRestart(Exception reason)
        {
            _target.Tell("restarted");
            base.PostRestart(reason);
        }

        private void Handle(object command)
        {
            switch (command)
            {
                case StartSingle s:
                    Timers.StartSingleTimer(s.Key, s.Message, s.Timeout, s.Sender);
                    _target.Tell("started");
                    break;
                case StartPeriodic p:
                    Timers.StartPeriodicTimer(p.Key, p.Message, p.InitialDelay, p.Interval);
                    _target.Tell("started");
                    break;
                case CancelTimer c:
                    Timers.Cancel(c.Key);
                    _target.Tell("cancelled");
                    break;
                case CancelAllTimers:
                    Timers.CancelAll();
                    _target.Tell("cancelled");
                    break;
                case IsActive q:
                    _target.Tell(Timers.IsTimerActive(q.Key));
                    break;
                case Fail:
                    throw new InvalidOperationException("fail on purpose");
                default:
                    Unhandled(command);
                    break;
            }
        }
    }

    /// <summary>Akka.NET sets Timers in the ActorBase constructor, so an actor may start timers in its own.</summary>
    private sealed class ConstructorTimerActor : ReceiveActor, IWithTimers
    {
        public ConstructorTimerActor(IActorRef target)
        {
            Timers.StartPeriodicTimer("k", new Tick("from constructor"), s_second);
            target.Tell("constructed");
            Receive<Tick>(t => target.Tell(t));
            Receive<string>(s => s == "ping", _ => Sender.Tell("pong"));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
