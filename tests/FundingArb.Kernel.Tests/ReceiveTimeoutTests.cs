
namespace FundingArb.Kernel.Tests;

/// <summary>
/// Receive timeout on a virtual clock. <see cref="Settle"/> sends <see cref="Identify"/> (which does not influence
/// the timeout) and waits for the answer: the actor has then finished every earlier turn, including pushing its
/// timeout back, so the next advance starts from a known deadline. It also proves no ReceiveTimeout was queued.
/// </summary>
public sealed class ReceiveTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(1);
    private readonly VirtualClock _clock;

    public ReceiveTimeoutTests()
        : this(new VirtualClock())
    {
    }

    private ReceiveTimeoutTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public void ReceiveTimeout_IdleForTheDuration_IsDelivered()
    {
        var actor = CreateActorWithTimeout();

        _clock.Advance(s_timeout - TimeSpan.FromMilliseconds(1));
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_StillIdleAfterItFired_FiresAgainAfterEachIdlePeriod()
    {
        var actor = CreateActorWithTimeout();
        _clock.Advance(s_timeout);
        ExpectMsg("timeout");
        Settle(actor);

        _clock.Advance(s_timeout - TimeSpan.FromMilliseconds(1));
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_MessageArrives_RestartsTheIdlePeriod()
    {
        var actor = CreateActorWithTimeout();
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        actor.Tell("ping");
        ExpectMsg("pong");
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(600));
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_NotInfluencingMessageArrives_KeepsTheDeadline()
    {
        var actor = CreateActorWithTimeout();
        _clock.Advance(TimeSpan.FromMilliseconds(600));

        actor.Tell(new Quiet());
        ExpectMsg("quiet");
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_TimerDeliversNotInfluencingMessage_KeepsTheDeadline()
    {
        var actor = CreateActorWithTimeout();
        actor.Tell(new StartQuietTimer(TimeSpan.FromMilliseconds(600)));
        ExpectMsg("timer started");
        Settle(actor);

        _clock.Advance(TimeSpan.FromMilliseconds(600));
        ExpectMsg("quiet");
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(400));

        ExpectMsg("timeout");
    }

    [Fact]
    public void SetReceiveTimeout_Null_TurnsItOff()
    {
        var actor = CreateActorWithTimeout();

        actor.Tell(new SetTimeout(null));
        ExpectMsg("set");
        Settle(actor);
        _clock.Advance(TimeSpan.FromSeconds(10));

        Settle(actor);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public void SetReceiveTimeout_NewDuration_AppliesFromNowAndIsReported()
    {
        var actor = CreateActorWithTimeout();

        actor.Tell(new SetTimeout(TimeSpan.FromSeconds(5)));
        ExpectMsg("set");
        actor.Tell("current?");
        var current = ExpectMsg<TimeSpan>();
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(4999));
        Settle(actor);
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal(TimeSpan.FromSeconds(5), current);
        ExpectMsg("timeout");
    }

    [Fact]
    public void ReceiveTimeout_ActorStopped_IsCancelled()
    {
        var actor = CreateActorWithTimeout();
        Watch(actor);

        Sys.Stop(actor);
        ExpectTerminated(actor);

        Assert.Equal(0, _clock.PendingTimers);
    }

    private IActorRef CreateActorWithTimeout()
    {
        var actor = Sys.ActorOf(Props.Create(() => new IdleActor(TestActor, s_timeout)));
        ExpectMsg("started");
        return actor;
    }

    private void Settle(IActorRef actor)
    {
        actor.Tell(new Identify("settle"));
        ExpectMsg<ActorIdentity>(i => Equals(i.MessageId, "settle"));
    }

    private sealed record SetTimeout(TimeSpan? Timeout);

    private sealed record StartQuietTimer(TimeSpan Delay);

    private sealed record Quiet : INotInfluenceReceiveTimeout;

    private sealed class IdleActor : ReceiveActor, IWithTimers
    {
        public IdleActor(IActorRef target, TimeSpan timeout)
        {
            SetReceiveTimeout(timeout);
            target.Tell("started");
            Receive<ReceiveTimeout>(_ => target.Tell("timeout"));
            Receive<Quiet>(_ => target.Tell("quiet"));
            Receive<SetTimeout>(s =>
            {
                Context.SetReceiveTimeout(s.Timeout);
                target.Tell("set");
            });
            Receive<StartQuietTimer>(s =>
            {
                Timers.StartSingleTimer("quiet", new Quiet(), s.Delay);
                target.Tell("timer started");
            });
            Receive<string>(s => s == "current?", _ => target.Tell(Context.ReceiveTimeout ?? TimeSpan.Zero));
            Receive<string>(_ => target.Tell("pong"));
        }

        public ITimerScheduler Timers { get; set; } = null!;
    }
}
