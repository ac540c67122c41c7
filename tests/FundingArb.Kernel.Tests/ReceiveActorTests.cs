namespace FundingArb.Kernel.Tests;

public sealed class ReceiveActorTests : TestKit.TestKit
{
    [Fact]
    public void Tell_FromTestCode_RepliesToTestActor()
    {
        var echo = Sys.ActorOf(Props.Create(() => new EchoActor()));

        echo.Tell("hello");

        ExpectMsg("hello");
        Assert.Equal(echo, LastSender);
    }

    [Fact]
    public void Receive_FirstMatchingHandlerWins()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FirstMatchActor()));

        actor.Tell(5);
        actor.Tell(50);

        ExpectMsg("small 5");
        ExpectMsg("any 50");
    }

    [Fact]
    public void Receive_UnmatchedMessage_IsPublishedAsUnhandled()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new EchoActor()));

        actor.Tell(42);

        var unhandled = probe.ExpectMsg<UnhandledMessage>();
        Assert.Equal(42, unhandled.Message);
        Assert.Equal(actor, unhandled.Recipient);
    }

    [Fact]
    public void ReceiveAny_RegisteredBeforeAnotherHandler_Throws()
    {
        var probe = CreateTestProbe();
        Sys.EventStream.Subscribe(probe.Ref, typeof(LogEvent));

        var actor = Sys.ActorOf(Props.Create(() => new ReceiveAnyFirstActor()));
        Watch(actor);

        ExpectTerminated(actor);
    }

    [Fact]
    public void Receive_FuncReturningFalse_OffersTheMessageToTheNextHandler()
    {
        var actor = Sys.ActorOf(Props.Create(() => new FallThroughActor()));

        actor.Tell("skip me");
        actor.Tell("take me");

        ExpectMsg("fallback skip me");
        ExpectMsg("first take me");
    }

    [Fact]
    public void Receive_PredicateRejectsAndNoOtherHandler_IsUnhandled()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create(() => new FirstMatchActor()));

        actor.Tell("not an int");

        Assert.Equal("not an int", unhandled.ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void Receive_BaseType_MatchesDerivedMessages()
    {
        var actor = Sys.ActorOf(Props.Create(() => new BaseTypeActor()));

        actor.Tell(new Derived("d"));

        ExpectMsg("base Derived");
    }

    [Fact]
    public void ReceiveAny_AfterTypedHandlers_TakesWhatTheyDoNotMatch()
    {
        var actor = Sys.ActorOf(Props.Create(() => new CatchAllActor()));

        actor.Tell("typed");
        actor.Tell(3.14);

        ExpectMsg("string typed");
        ExpectMsg("any Double");
    }

    [Fact]
    public void BecomeAction_NewHandlers_ReplaceTheOldOnes()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()));

        actor.Tell("become angry");
        actor.Tell("how are you?");

        ExpectMsg("angry: how are you?");
    }

    [Fact]
    public void BecomeStacked_ThenUnbecomeStacked_ReturnsToThePreviousBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()));
        actor.Tell("become angry");
        actor.Tell("stack sad");
        actor.Tell("how are you?");
        ExpectMsg("sad: how are you?");

        actor.Tell("unbecome");
        actor.Tell("how are you?");

        ExpectMsg("angry: how are you?");
    }

    [Fact]
    public void UnbecomeStacked_AtTheInitialBehaviour_KeepsIt()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()));

        actor.Tell("unbecome");
        actor.Tell("how are you?");

        ExpectMsg("calm: how are you?");
    }

    [Fact]
    public void Become_ThenRestart_NewInstanceStartsWithTheInitialBehaviour()
    {
        var actor = Sys.ActorOf(Props.Create(() => new MoodActor()));
        actor.Tell("become angry");

        actor.Tell("fail");
        actor.Tell("how are you?");

        ExpectMsg("calm: how are you?");
    }

    [Fact]
    public void Receive_RegisteredOutsideTheConstructor_ThrowsInvalidOperationException()
    {
        var actor = Sys.ActorOf(Props.Create(() => new LateRegistrationActor()));

        actor.Tell("register now");

        ExpectMsg<InvalidOperationException>();
    }

    [Fact]
    public void ReceiveAsync_TaskPending_LaterMessagesWaitUntilItCompletes()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor, gate.Task)));
        actor.Tell("wait");
        ExpectMsg("waiting");

        actor.Tell("next");
        ExpectNoMsg(TimeSpan.FromMilliseconds(150));
        gate.SetResult();

        ExpectMsg("done waiting");
        ExpectMsg("next");
    }

    [Fact]
    public void ReceiveAsync_AfterAnAwait_SenderAndSelfAreStillThoseOfTheMessage()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor, gate.Task)));
        var asker = CreateTestProbe();

        asker.Send(actor, "who after await?");
        gate.SetResult();

        var (sender, self) = asker.ExpectMsg<(IActorRef Sender, IActorRef Self)>();
        Assert.Equal(asker.Ref, sender);
        Assert.Equal(actor, self);
        Assert.Equal(actor, asker.LastSender);
    }

    [Fact]
    public void ReceiveAsync_TaskFaults_TheActorFailsAndIsRestarted()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var actor = Sys.ActorOf(Props.Create(() => new AsyncActor(TestActor, gate.Task)));

        actor.Tell("fail after await");
        gate.SetResult();

        ExpectMsg("restarted after fail after await");
    }

    [Fact]
    public void ReceiveAnyAsync_Message_IsHandledAsynchronously()
    {
        var actor = Sys.ActorOf(Props.Create(() => new AnyAsyncActor()));

        actor.Tell(1);
        actor.Tell(2);

        ExpectMsg("async 1");
        ExpectMsg("async 2");
    }

    private sealed record Derived(string Name) : IMarker;

    private interface IMarker;

    private sealed class EchoActor : ReceiveActor
    {
        public EchoActor()
        {
            Receive<string>(s => Sender.Tell(s));
        }
    }

    private sealed class FirstMatchActor : ReceiveActor
    {
        public FirstMatchActor()
        {
            Receive<int>(i => i < 10, i => Sender.Tell($"small {i}"));
            Receive<int>(i => Sender.Tell($"any {i}"));
        }
    }

    private sealed class ReceiveAnyFirstActor : ReceiveActor
    {
        public ReceiveAnyFirstActor()
        {
            ReceiveAny(_ => { });
            Receive<string>(_ => { });
        }
    }

    private sealed class FallThroughActor : ReceiveActor
    {
        public FallThroughActor()
        {
            Receive<string>(s =>
            {
                if (s.StartsWith("skip", StringComparison.Ordinal))
                {
                    return false;
                }

                Sender.Tell($"first {s}");
                return true;
            });
            Receive<string>(s => Sender.Tell($"fallback {s}"));
        }
    }

    private sealed class BaseTypeActor : ReceiveActor
    {
        public BaseTypeActor()
        {
            Receive<IMarker>(m => Sender.Tell($"base {m.GetType().Name}"));
        }
    }

    private sealed class CatchAllActor : ReceiveActor
    {
        public CatchAllActor()
        {
            Receive<string>(s => Sender.Tell($"string {s}"));
            ReceiveAny(m => Sender.Tell($"any {m.GetType().Name}"));
        }
    }

    private sealed class MoodActor : ReceiveActor
    {
        public MoodActor()
        {
            Mood("calm");
        }

        private void Mood(string mood)
        {
            Receive<string>(s => s == "become angry", _ => Become(() => Mood("angry")));
            Receive<string>(s => s == "stack sad", _ => BecomeStacked(() => Mood("sad")));
            Receive<string>(s => s == "unbecome", _ => UnbecomeStacked());
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(s => Sender.Tell($"{mood}: {s}"));
        }
    }

    private sealed class LateRegistrationActor : ReceiveActor
    {
        public LateRegistrationActor()
        {
            Receive<string>(_ =>
            {
                try
                {
                    Receive<int>(_ => { });
                }
                catch (InvalidOperationException e)
                {
                    Sender.Tell(e);
                }
            });
        }
    }

    private sealed class AsyncActor : ReceiveActor
    {
        private readonly IActorRef _probe;

        public AsyncActor(IActorRef probe, Task gate)
        {
            _probe = probe;
            ReceiveAsync<string>(
                async _ =>
                {
                    Sender.Tell("waiting");
                    await gate;
                    Sender.Tell("done waiting");
                },
                s => s == "wait");
            ReceiveAsync<string>(
                async _ =>
                {
                    await gate;
                    await Task.Run(() => { });
                    Sender.Tell((Sender, Self));
                },
                s => s == "who after await?");
            ReceiveAsync<string>(
                async s =>
                {
                    await gate;
                    throw new InvalidOperationException(s);
                },
                s => s == "fail after await");
            Receive<string>(s => Sender.Tell(s));
        }

        protected override void PostRestart(Exception reason) => _probe.Tell($"restarted after {reason.Message}");
    }

    private sealed class AnyAsyncActor : ReceiveActor
    {
        public AnyAsyncActor()
        {
            ReceiveAnyAsync(async m =>
            {
                await Task.Yield();
                Sender.Tell($"async {m}");
            });
        }
    }
}
