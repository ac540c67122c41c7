// Namespace without the folder's TestKit segment: see TestKitTests.
namespace FundingArb.Kernel.Tests;

public sealed class TestProbeTests : TestKit.TestKit
{
    [Fact]
    public void Ref_TwoProbes_AreDistinctActorsWithTheirOwnQueues()
    {
        var first = CreateTestProbe();
        var second = CreateTestProbe();

        second.Ref.Tell("for the second");
        first.Ref.Tell("for the first");

        Assert.NotEqual(first.Ref, second.Ref);
        Assert.NotEqual(TestActor, first.Ref);
        first.ExpectMsg("for the first");
        second.ExpectMsg("for the second");
    }

    [Fact]
    public void CreateTestProbe_WithName_UsesItInThePath()
    {
        var probe = CreateTestProbe("venue");

        var name = probe.Ref.Path.Name;

        Assert.Equal("venue", name);
    }

    [Fact]
    public void LastSender_AfterAnExpectation_IsTheSenderOfThatMessage()
    {
        var probe = CreateTestProbe();
        var sender = CreateTestProbe();

        probe.Tell("hello", sender.Ref);
        probe.ExpectMsg("hello");

        Assert.Equal(sender.Ref, probe.LastSender);
        Assert.Equal("hello", probe.LastMessage);
    }

    [Fact]
    public void Reply_AfterAMessage_ReachesItsSenderFromTheProbe()
    {
        var probe = CreateTestProbe();
        var asker = Sys.ActorOf(Props.Create(() => new Asker(probe.Ref, TestActor)));
        asker.Tell("ask");
        probe.ExpectMsg("question");

        probe.Reply("answer");

        ExpectMsg("got answer");
        Assert.Equal(asker, LastSender);
    }

    [Fact]
    public void Forward_LastMessage_KeepsItsOriginalSender()
    {
        var probe = CreateTestProbe();
        var target = CreateTestProbe();
        var original = CreateTestProbe();
        probe.Tell("pass it on", original.Ref);
        probe.ExpectMsg("pass it on");

        probe.Forward(target.Ref);

        target.ExpectMsg("pass it on");
        Assert.Equal(original.Ref, target.LastSender);
    }

    [Fact]
    public void Send_ToAnActor_UsesTheProbeAsSender()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<Echo>());

        probe.Send(echo, "echo");

        probe.ExpectMsg("echo");
        Assert.Equal(echo, probe.LastSender);
    }

    [Fact]
    public void ExpectTerminated_ProbeWatchingALiveActor_SeesTheStopWithExistenceConfirmed()
    {
        var probe = CreateTestProbe();
        var echo = Sys.ActorOf(Props.Create<Echo>());
        probe.Watch(echo);

        // Watch is a command the probe's actor carries out; a message after it proves it was carried out.
        probe.Tell("watch done");
        probe.ExpectMsg("watch done");
        Sys.Stop(echo);

        Assert.True(probe.ExpectTerminated(echo).ExistenceConfirmed);
    }

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m));
        }
    }

    private sealed class Asker : ReceiveActor
    {
        public Asker(IActorRef probe, IActorRef reportTo)
        {
            Receive<string>(s => s == "ask", _ => probe.Tell("question"));
            Receive<string>(s => reportTo.Tell($"got {s}"));
        }
    }
}
