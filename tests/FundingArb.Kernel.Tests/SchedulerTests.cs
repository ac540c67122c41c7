
namespace FundingArb.Kernel.Tests;

/// <summary>
/// The system scheduler on a virtual clock. Scheduled tells run on the thread that advances the clock, so a
/// "fence" told to the test actor right after an advance arrives after every message the advance sent.
/// </summary>
public sealed class SchedulerTests : TestKit.TestKit
{
    private readonly VirtualClock _clock;

    public SchedulerTests()
        : this(new VirtualClock())
    {
    }

    private SchedulerTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public void ScheduleTellOnce_SeveralDelays_DeliversEachWhenDueInDueOrder()
    {
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(2), TestActor, "second", ActorRefs.NoSender);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(3), TestActor, "third", ActorRefs.NoSender);
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "first", ActorRefs.NoSender);

        _clock.Advance(TimeSpan.FromMilliseconds(1500));
        TestActor.Tell("fence");
        var early = ReceiveN(2);
        _clock.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(["first", "fence"], early);
        Assert.Equal(["second", "third"], ReceiveN(2));
    }

    [Fact]
    public void ScheduleTellOnce_Cancelled_IsNeverDelivered()
    {
        var scheduled = Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "cancelled", ActorRefs.NoSender);

        scheduled.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(5));
        TestActor.Tell("fence");

        Assert.True(scheduled.IsCancellationRequested);
        ExpectMsg("fence");
    }

    [Fact]
    public void ScheduleTellOnce_WithSender_DeliversWithThatSender()
    {
        var sender = CreateTestProbe();
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), TestActor, "from probe", sender.Ref);

        _clock.Advance(TimeSpan.FromSeconds(1));

        ExpectMsg("from probe");
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public void ScheduleTellRepeatedly_Advanced_DeliversAfterInitialDelayThenEveryInterval()
    {
        Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(500), TestActor, "tick", ActorRefs.NoSender);

        _clock.Advance(TimeSpan.FromMilliseconds(999));
        TestActor.Tell("fence");
        ExpectMsg("fence");
        _clock.Advance(TimeSpan.FromMilliseconds(1001));
        TestActor.Tell("fence");

        Assert.Equal(["tick", "tick", "tick", "fence"], ReceiveN(4));
    }

    [Fact]
    public void ScheduleTellRepeatedly_Cancelled_StopsDelivering()
    {
        var scheduled = Sys.Scheduler.ScheduleTellRepeatedly(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TestActor, "tick", ActorRefs.NoSender);
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(["tick", "tick"], ReceiveN(2));

        scheduled.Cancel();
        _clock.Advance(TimeSpan.FromSeconds(5));
        TestActor.Tell("fence");

        ExpectMsg("fence");
    }

    [Fact]
    public void ScheduleOnce_Action_RunsWhenTheClockReachesItsDueTime()
    {
        var ranAt = DateTimeOffset.MinValue;
        Sys.Scheduler.ScheduleOnce(TimeSpan.FromMinutes(1), () => ranAt = _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromMinutes(1), ranAt);
    }

    [Fact]
    public void ScheduleTellOnce_ReceiverStoppedBeforeDue_IsStillSentAndDeadLettered()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var receiver = Sys.ActorOf(Props.Create<Sink>());
        Sys.Scheduler.ScheduleTellOnce(TimeSpan.FromSeconds(1), receiver, "late", ActorRefs.NoSender);
        Watch(receiver);
        Sys.Stop(receiver);
        ExpectTerminated(receiver);

        _clock.Advance(TimeSpan.FromSeconds(1));

        var deadLetter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("late", deadLetter.Message);
        Assert.Equal(receiver, deadLetter.Recipient);
    }

    [Fact]
    public void Now_VirtualClock_FollowsTheClock()
    {
        _clock.Advance(TimeSpan.FromHours(3));

        var now = Sys.Scheduler.Now;

        Assert.Equal(VirtualClock.DefaultStart + TimeSpan.FromHours(3), now);
    }

    private sealed class Sink : ReceiveActor
    {
        public Sink()
        {
            ReceiveAny(_ => { });
        }
    }
}
