namespace FundingArb.Kernel.Tests;

/// <summary>PoisonPill, Kill and Identify: messages the kernel handles before the actor's behaviour sees them.</summary>
public sealed class AutoReceivedMessageTests : TestKit.TestKit
{
    [Fact]
    public void PoisonPill_AfterQueuedMessages_HandlesThemFirstThenStops()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, gate.Task)));
        Watch(actor);
        actor.Tell("block");
        ExpectMsg("blocked");

        actor.Tell("one");
        actor.Tell("two");
        actor.Tell(PoisonPill.Instance);
        gate.SetResult();

        ExpectMsg("one");
        ExpectMsg("two");
        ExpectMsg("post-stop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void PoisonPill_MessagesAfterIt_AreDeadLettered()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, gate.Task)));
        actor.Tell("block");
        ExpectMsg("blocked");

        actor.Tell(PoisonPill.Instance);
        actor.Tell("after");
        gate.SetResult();

        Assert.Equal("after", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void PoisonPill_ReceiveAny_IsNeverSeenByTheBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, Task.CompletedTask)));
        Watch(actor);

        actor.Tell(PoisonPill.Instance);

        ExpectMsg("post-stop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Kill_ReceiveAny_FailsWithActorKilledExceptionWithoutReachingTheBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, Task.CompletedTask)));
        Watch(actor);

        actor.Tell(Kill.Instance);

        ExpectMsg("post-stop");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Identify_LiveActor_AnswersActorIdentityWithItsRef()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, Task.CompletedTask)));

        actor.Tell(new Identify(42));

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal(42, identity.MessageId);
        Assert.Equal(actor, identity.Subject);
        Assert.Equal(actor, LastSender);
    }

    [Fact]
    public void Identify_StoppedActor_AnswersActorIdentityWithoutSubject()
    {
        var actor = Sys.ActorOf(Props.Create(() => new Recorder(TestActor, Task.CompletedTask)));
        Watch(actor);
        Sys.Stop(actor);
        ExpectMsg("post-stop");
        ExpectTerminated(actor);

        actor.Tell(new Identify("anyone?"));

        var identity = ExpectMsg<ActorIdentity>();
        Assert.Equal("anyone?", identity.MessageId);
        Assert.Null(identity.Subject);
    }

    [Fact]
    public void Identify_DeadLetters_AnswersActorIdentityWithoutSubject()
    {
        Sys.DeadLetters.Tell(new Identify(7));

        var identity = ExpectMsg<ActorIdentity>();

        Assert.Equal(7, identity.MessageId);
        Assert.Null(identity.Subject);
    }

    private sealed class Recorder : ReceiveActor
    {
        private readonly IActorRef _probe;

        public Recorder(IActorRef probe, Task gate)
        {
            _probe = probe;
            ReceiveAsync<string>(
                async _ =>
                {
                    probe.Tell("blocked");
                    await gate;
                },
                s => s == "block");
            ReceiveAny(m => probe.Tell(m));
        }

        protected override void PostStop() => _probe.Tell("post-stop");
    }
}
