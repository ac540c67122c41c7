
namespace FundingArb.Kernel.Tests;

/// <summary>Ask and GracefulStop; their timeouts run on the system clock, here a virtual one.</summary>
public sealed class FuturesTests : TestKit.TestKit
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(3);
    private readonly VirtualClock _clock;

    public FuturesTests()
        : this(new VirtualClock())
    {
    }

    private FuturesTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public async Task Ask_TargetReplies_CompletesWithTheReply()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var reply = await responder.Ask<string>("hello", TimeSpan.FromSeconds(5)).WaitAsync(s_limit);

        Assert.Equal("hello back", reply);
    }

    [Fact]
    public async Task Ask_TargetRepliesStatusFailure_ThrowsItsCause()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var ask = responder.Ask<string>(new FailWith("no liquidity"), TimeSpan.FromSeconds(5));

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => ask.WaitAsync(s_limit));
        Assert.Equal("no liquidity", thrown.Message);
    }

    [Fact]
    public async Task Ask_NoReplyWithinTimeout_ThrowsAskTimeoutException()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        var ask = silent.Ask("ignored", TimeSpan.FromSeconds(10));
        ExpectMsg("ignored");

        _clock.Advance(TimeSpan.FromMilliseconds(9999));
        var completedBeforeTimeout = ask.IsCompleted;
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(completedBeforeTimeout);
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(s_limit));
    }

    [Fact]
    public void Ask_WithoutTimeout_WaitsIndefinitely()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var ask = silent.Ask("ignored");
        ExpectMsg("ignored");
        _clock.Advance(TimeSpan.FromDays(365));

        Assert.False(ask.IsCompleted);
        Assert.Equal(0, _clock.PendingTimers);
    }

    [Fact]
    public async Task Ask_ActorThrowsInsteadOfReplying_AskIsNotFaultedAndTimesOut()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        var ask = responder.Ask(new Throw(), TimeSpan.FromSeconds(1));
        FishForMessage<string>(s => s == "restarted");

        var completedBeforeTimeout = ask.IsCompleted;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(completedBeforeTimeout);
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(s_limit));
    }

    [Fact]
    public async Task Ask_ReplyOfAnotherType_ThrowsArgumentException()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var ask = responder.Ask<int>("hello", TimeSpan.FromSeconds(5));

        await Assert.ThrowsAsync<ArgumentException>(() => ask.WaitAsync(s_limit));
    }

    [Fact]
    public async Task Ask_TokenCancelledBeforeReply_CancelsTheTask()
    {
        var silent = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        using var cancellation = new CancellationTokenSource();
        var ask = silent.Ask<string>("ignored", TimeSpan.FromSeconds(10), cancellation.Token);
        ExpectMsg("ignored");

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ask.WaitAsync(s_limit));
    }

    [Fact]
    public async Task Ask_TokenAlreadyCancelled_ReturnsCancelledTaskWithoutSending()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var ask = responder.Ask<string>("hello", TimeSpan.FromSeconds(10), cancellation.Token);

        Assert.True(ask.IsCanceled);
        responder.Tell("ignored");
        ExpectMsg("ignored");
    }

    [Fact]
    public void Ask_TargetSeesTheSender_IsATemporaryReferenceUnderTemp()
    {
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        _ = responder.Ask(new WhoAsks(), TimeSpan.FromSeconds(10));

        var asker = ExpectMsg<IActorRef>();
        Assert.Equal("temp", asker.Path.Elements[0]);
        Assert.NotEqual(TestActor, asker);
    }

    [Fact]
    public async Task Ask_ReplyAfterTimeout_IsPublishedAsDeadLetter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var responder = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        var ask = responder.Ask(new Hold(), TimeSpan.FromSeconds(1));
        ExpectMsg("holding");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(s_limit));

        responder.Tell(new ReplyToHeld("too late"));

        var deadLetter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("too late", deadLetter.Message);
        Assert.Equal("temp", deadLetter.Recipient.Path.Elements[0]);
    }

    [Fact]
    public async Task Ask_DeadLetters_MessageIsADeadLetterAndTheAskTimesOut()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        var ask = Sys.DeadLetters.Ask("anyone?", TimeSpan.FromSeconds(1));
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal("anyone?", deadLetters.ExpectMsg<DeadLetter>().Message);
        await Assert.ThrowsAsync<AskTimeoutException>(() => ask.WaitAsync(s_limit));
    }

    [Fact]
    public async Task GracefulStop_TargetStops_CompletesWithTrueAfterPostStop()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var stopped = await target.GracefulStop(TimeSpan.FromSeconds(10)).WaitAsync(s_limit);

        Assert.True(stopped);
        ExpectMsg("post-stop");
    }

    [Fact]
    public async Task GracefulStop_TargetAlreadyStopped_CompletesWithTrue()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        Watch(target);
        Sys.Stop(target);
        ExpectMsg("post-stop");
        ExpectTerminated(target);

        var stopped = await target.GracefulStop(TimeSpan.FromSeconds(10)).WaitAsync(s_limit);

        Assert.True(stopped);
    }

    [Fact]
    public async Task GracefulStop_CustomStopMessage_IsTheMessageSent()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));

        var stopped = await target.GracefulStop(TimeSpan.FromSeconds(10), new StopYourself()).WaitAsync(s_limit);

        Assert.True(stopped);
        ExpectMsg("stopping myself");
        ExpectMsg("post-stop");
    }

    [Fact]
    public async Task GracefulStop_TargetDoesNotStopInTime_CompletesWithFalse()
    {
        var target = Sys.ActorOf(Props.Create(() => new Responder(TestActor)));
        var graceful = target.GracefulStop(TimeSpan.FromSeconds(10), "ignored");
        ExpectMsg("ignored");

        _clock.Advance(TimeSpan.FromSeconds(10));

        Assert.False(await graceful.WaitAsync(s_limit));
        target.Tell("still alive?");
        ExpectMsg("still alive?");
    }

    private sealed record FailWith(string Reason);

    private sealed record Throw;

    private sealed record WhoAsks;

    private sealed record Hold;

    private sealed record ReplyToHeld(object Reply);

    private sealed record StopYourself;

    private sealed class Responder : ReceiveActor
    {
        private readonly IActorRef _probe;
        private IActorRef? _held;

        public Responder(IActorRef probe)
        {
            _probe = probe;
            Receive<string>(s => s == "hello", s => Sender.Tell(s + " back"));
            Receive<string>(s => probe.Tell(s));
            Receive<FailWith>(f => Sender.Tell(new Status.Failure(new InvalidOperationException(f.Reason))));
            Receive<Throw>(_ => throw new InvalidOperationException("thrown, not replied"));
            Receive<WhoAsks>(_ => probe.Tell(Sender));
            Receive<Hold>(_ =>
            {
                _held = Sender;
                probe.Tell("holding");
            });
            Receive<ReplyToHeld>(r => _held!.Tell(r.Reply));
            Receive<StopYourself>(_ =>
            {
                probe.Tell("stopping myself");
                Context.Stop(Self);
            });
        }

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");

        protected override void PostStop() => _probe.Tell("post-stop");
    }
}
