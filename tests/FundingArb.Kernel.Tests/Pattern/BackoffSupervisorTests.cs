using FundingArb.Kernel.Pattern;

namespace FundingArb.Kernel.Tests.Pattern;

public sealed class BackoffSupervisorTests : TestKit.TestKit
{
    private static readonly TimeSpan s_min = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_max = TimeSpan.FromSeconds(10);

    private readonly VirtualClock _clock;

    public BackoffSupervisorTests()
        : this(new VirtualClock())
    {
    }

    private BackoffSupervisorTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

    [Fact]
    public async Task OnStop_ChildStops_StartsItAgainOnlyAfterMinBackoff()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(ChildProps(), "child", s_min, s_max, 0)));
        await ExpectMsgAsync("started");

        supervisor.Tell("stop");
        await AwaitChildGoneAsync(supervisor);
        _clock.Advance(s_min - TimeSpan.FromMilliseconds(1));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        _clock.Advance(TimeSpan.FromMilliseconds(1));

        await ExpectMsgAsync("started");
    }

    [Fact]
    public void OnStop_RepeatedStops_DoubleTheDelayUpToMax()
    {
        var delays = Enumerable.Range(0, 6)
            .Select(n => BackoffSupervisor.CalculateDelay(n, s_min, s_max, 0, new Random(1)))
            .ToArray();

        Assert.Equal([1, 2, 4, 8, 10, 10], delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public void CalculateDelay_WithRandomFactor_StaysWithinJitterBounds()
    {
        var random = new Random(42);

        var delay = BackoffSupervisor.CalculateDelay(1, s_min, s_max, 0.5, random);

        Assert.InRange(delay, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task OnFailure_ChildThrows_StartsItAgainAfterBackoff()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnFailure(ChildProps(), "child", s_min, s_max, 0)));
        await ExpectMsgAsync("started");

        supervisor.Tell("throw");
        await AwaitChildGoneAsync(supervisor);
        _clock.Advance(s_min);

        await ExpectMsgAsync("started");
    }

    [Fact]
    public void OnFailure_ChildStopsItself_SupervisorStopsToo()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnFailure(ChildProps(), "child", s_min, s_max, 0)));
        ExpectMsg("started");
        Watch(supervisor);

        supervisor.Tell("stop");

        ExpectTerminated(supervisor);
    }

    [Fact]
    public async Task MaxNrOfRetries_Exhausted_SupervisorStops()
    {
        var options = Backoff.OnStop(ChildProps(), "child", s_min, s_max, 0).WithMaxNrOfRetries(1);
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("started");
        Watch(supervisor);
        supervisor.Tell("stop");
        await AwaitChildGoneAsync(supervisor);
        _clock.Advance(s_min);
        await ExpectMsgAsync("started");

        supervisor.Tell("stop");

        await ExpectTerminatedAsync(supervisor);
    }

    [Fact]
    public void Messages_ToSupervisor_AreForwardedToChildWithOriginalSender()
    {
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(ChildProps(), "child", s_min, s_max, 0)));
        ExpectMsg("started");

        supervisor.Tell(42);

        ExpectMsg(42);
    }

    [Fact]
    public async Task AutoReset_ChildRunsLongEnough_RestartCountGoesBackToZero()
    {
        var options = Backoff.OnStop(ChildProps(), "child", s_min, s_max, 0).WithAutoReset(TimeSpan.FromSeconds(5));
        var supervisor = Sys.ActorOf(BackoffSupervisor.Props(options));
        await ExpectMsgAsync("started");
        supervisor.Tell("stop");
        await AwaitChildGoneAsync(supervisor);
        _clock.Advance(s_min);
        await ExpectMsgAsync("started");
        Assert.Equal(1, await RestartCountAsync(supervisor));

        _clock.Advance(TimeSpan.FromSeconds(5));

        await AwaitAssertAsync(async () => Assert.Equal(0, await RestartCountAsync(supervisor)));
    }

    private static async Task<int> RestartCountAsync(IActorRef supervisor) =>
        (await supervisor.Ask<BackoffSupervisor.RestartCountReply>(BackoffSupervisor.GetRestartCount.Instance, TimeSpan.FromSeconds(3))).Count;

    /// <summary>Waits until the supervisor has seen its child stop, so its restart timer runs from the present.</summary>
    private Task AwaitChildGoneAsync(IActorRef supervisor) =>
        AwaitAssertAsync(async () =>
            Assert.Null((await supervisor.Ask<BackoffSupervisor.CurrentChild>(BackoffSupervisor.GetCurrentChild.Instance, TimeSpan.FromSeconds(3))).Ref));

    private Props ChildProps()
    {
        var report = TestActor;
        return Props.Create(() => new Child(report));
    }

    private sealed class Child : ReceiveActor
    {
        public Child(IActorRef report)
        {
            Receive<string>(s => s == "stop", _ => Context.Stop(Self));
            Receive<string>(s => s == "throw", _ => throw new InvalidOperationException("boom"));
            Receive<int>(i => Sender.Tell(i));
            report.Tell("started");
        }
    }
}
