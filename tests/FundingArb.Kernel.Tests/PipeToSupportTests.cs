namespace FundingArb.Kernel.Tests;

public sealed class PipeToSupportTests : TestKit.TestKit
{
    private static readonly TimeSpan s_limit = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task PipeTo_TaskSucceeds_TellsTheResultWithTheGivenSender()
    {
        var sender = CreateTestProbe();

        await Task.FromResult(42).PipeTo(TestActor, sender.Ref).WaitAsync(s_limit);

        ExpectMsg(42);
        Assert.Equal(sender.Ref, LastSender);
    }

    [Fact]
    public async Task PipeTo_TaskFails_TellsStatusFailureWithTheCause()
    {
        var cause = new InvalidOperationException("venue down");

        await Task.FromException<int>(cause).PipeTo(TestActor).WaitAsync(s_limit);

        var failure = ExpectMsg<Status.Failure>();
        Assert.Same(cause, failure.Cause);
    }

    [Fact]
    public async Task PipeTo_WithMappers_TellsTheMappedMessages()
    {
        await Task.FromResult(7).PipeTo(TestActor, success: n => $"ok {n}").WaitAsync(s_limit);
        await Task.FromException<int>(new TimeoutException()).PipeTo(TestActor, failure: e => $"failed {e.GetType().Name}").WaitAsync(s_limit);

        var messages = ReceiveN(2);

        Assert.Equal(["ok 7", "failed TimeoutException"], messages);
    }

    [Fact]
    public async Task PipeTo_NonGenericTaskSucceeds_TellsStatusSuccess()
    {
        await Task.CompletedTask.PipeTo(TestActor).WaitAsync(s_limit);

        var success = ExpectMsg<Status.Success>();

        Assert.Null(success.Status);
    }

    [Fact]
    public async Task PipeTo_TaskCompletesLater_TellsWhenItCompletes()
    {
        var completion = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var piping = completion.Task.PipeTo(TestActor);
        TestActor.Tell("before");

        completion.SetResult("after");
        await piping.WaitAsync(s_limit);

        Assert.Equal(["before", "after"], ReceiveN(2));
    }

    [Fact]
    public void PipeTo_FromInsideAnActor_ResultArrivesAsAMessageToTheActor()
    {
        var actor = Sys.ActorOf(Props.Create(() => new PipingActor(TestActor)));

        actor.Tell(5);

        ExpectMsg("squared 25");
    }

    private sealed class PipingActor : ReceiveActor
    {
        public PipingActor(IActorRef probe)
        {
            Receive<int>(n => Task.Run(() => n * n).PipeTo(Self, success: r => $"squared {r}"));
            Receive<string>(s => probe.Tell(s));
        }
    }
}
