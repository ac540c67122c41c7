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
}
