namespace FundingArb.Kernel.Tests;

public sealed class UntypedActorTests : TestKit.TestKit
{
    [Fact]
    public void OnReceive_AnyMessage_IsDeliveredToIt()
    {
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());

        actor.Tell("text");

        ExpectMsg("handled text");
    }

    [Fact]
    public void Unhandled_CalledExplicitly_PublishesUnhandledMessage()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());

        actor.Tell(17);

        var published = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal(17, published.Message);
        Assert.Equal(actor, published.Recipient);
    }

    [Fact]
    public void OnReceive_MessageNotPassedToUnhandled_IsNotPublished()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());

        actor.Tell("handled");
        actor.Tell(99);

        Assert.Equal(99, unhandled.ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void BecomeReceive_NewBehaviour_HandlesLaterMessagesAndFalseMeansUnhandled()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());

        actor.Tell("shout");
        actor.Tell("quiet");
        actor.Tell(5);

        ExpectMsg("QUIET");
        Assert.Equal(5, unhandled.ExpectMsg<UnhandledMessage>().Message);
    }

    [Fact]
    public void ContextBecomeStacked_ThenContextUnbecomeStacked_RestoresOnReceive()
    {
        var actor = Sys.ActorOf(Props.Create<StringOnlyActor>());

        actor.Tell("stack shout");
        actor.Tell("loud");
        actor.Tell("unstack");
        actor.Tell("soft");

        ExpectMsg("LOUD");
        ExpectMsg("handled soft");
    }

    private sealed class StringOnlyActor : UntypedActor
    {
        protected override void OnReceive(object message)
        {
            switch (message)
            {
                case "shout":
                    Become(Shouting);
                    break;
                case "stack shout":
                    Context.BecomeStacked(Shouting);
                    break;
                case string s:
                    Sender.Tell($"handled {s}");
                    break;
                default:
                    Unhandled(message);
                    break;
            }
        }

        private bool Shouting(object message)
        {
            switch (message)
            {
                case "unstack":
                    Context.UnbecomeStacked();
                    return true;
                case string s:
                    Sender.Tell(s.ToUpperInvariant());
                    return true;
                default:
                    return false;
            }
        }
    }
}
