namespace FundingArb.Kernel.Tests;

public sealed class ActorSelectionTests : TestKit.TestKit
{
    [Fact]
    public void Tell_ToANestedPath_ReachesTheChildLivingThere()
    {
        Sys.ActorOf(Props.Create(() => new ParentActor(TestActor)), "parent");
        ExpectMsg("child started");

        Sys.ActorSelection("/user/parent/child").Tell("hello", TestActor);

        Assert.Equal("child got hello", ExpectMsg<string>());
    }

    [Fact]
    public void Tell_IsResolvedWhenSent_SoANewIncarnationUnderTheSameNameReceivesIt()
    {
        var selection = Sys.ActorSelection($"fundingarb://{Sys.Name}/user/echo");
        var first = Sys.ActorOf(Props.Create(() => new ReplyActor("first")), "echo");
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);
        Sys.ActorOf(Props.Create(() => new ReplyActor("second")), "echo");

        selection.Tell("who", TestActor);

        Assert.Equal("second", ExpectMsg<string>());
    }

    [Fact]
    public async Task NobodyAtThePath_TellIsADeadLetter_AndResolveOneFails()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var selection = Sys.ActorSelection("/user/nobody/here");

        selection.Tell("lost", TestActor);

        Assert.Equal("lost", deadLetters.ExpectMsg<DeadLetter>().Message);
        var error = await Assert.ThrowsAsync<ActorNotFoundException>(selection.ResolveOne);
        Assert.Contains("/user/nobody/here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveOne_ReturnsTheReferenceLivingThere()
    {
        var actor = Sys.ActorOf(Props.Create(() => new ReplyActor("me")), "resolved");

        Assert.Equal(actor, await Sys.ActorSelection("/user/resolved").ResolveOne());
    }

    [Fact]
    public void RelativePath_IsRefusedNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => Sys.ActorSelection("user/parent"));

        Assert.Contains("[user/parent]", error.Message, StringComparison.Ordinal);
    }

    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor(IActorRef probe) => Context.ActorOf(Props.Create(() => new ChildActor(probe)), "child");
    }

    private sealed class ChildActor : ReceiveActor
    {
        public ChildActor(IActorRef probe)
        {
            probe.Tell("child started");
            Receive<string>(m => Sender.Tell($"child got {m}"));
        }
    }

    private sealed class ReplyActor : ReceiveActor
    {
        public ReplyActor(string name) => Receive<string>(_ => Sender.Tell(name));
    }
}
