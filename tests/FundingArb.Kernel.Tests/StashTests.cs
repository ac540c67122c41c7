namespace FundingArb.Kernel.Tests;

public sealed class StashTests : TestKit.TestKit
{
    [Fact]
    public void UnstashAll_AfterBecome_DeliversStashedMessagesInOrderBeforeNewerOnes()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell("c");

        actor.Tell(new Open());
        actor.Tell("d");

        Assert.Equal(["open", "a", "b", "c", "d"], ReceiveN(5));
    }

    [Fact]
    public void Unstash_One_ReturnsTheOldestStashedMessage()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("a");
        actor.Tell("b");

        actor.Tell(new ReleaseOne());
        actor.Tell(new Count());

        Assert.Equal(["a", 1], ReceiveN(2));
    }

    [Fact]
    public void UnstashAll_WithPredicate_DeliversTheMatchingAndDropsTheRest()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("keep 1");
        actor.Tell("drop");
        actor.Tell("keep 2");

        actor.Tell(new OpenMatching("keep"));
        actor.Tell(new Count());

        Assert.Equal(["open", "keep 1", "keep 2", 0], ReceiveN(4));
    }

    [Fact]
    public void ClearStash_WithStashedMessages_ReturnsThemAndEmptiesTheStash()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("a");
        actor.Tell("b");

        actor.Tell(new Clear());
        actor.Tell(new Count());

        Assert.Equal(["a", "b"], ExpectMsg<object[]>());
        ExpectMsg(0);
    }

    [Fact]
    public void Stash_SameMessageTwice_Throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));

        actor.Tell(new StashTwice());

        ExpectMsg<InvalidOperationException>();
    }

    [Fact]
    public void Stash_ActorRestarts_StashedMessagesReachTheNewInstance()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("a");
        actor.Tell("b");

        actor.Tell(new Fail());
        ExpectMsg("restarted");
        actor.Tell(new Open());

        Assert.Equal(["open", "a", "b"], ReceiveN(3));
    }

    [Fact]
    public void Stash_ActorStops_StashedMessagesAreDeadLettered()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        actor.Tell("a");
        actor.Tell("b");
        actor.Tell(new Count());
        ExpectMsg(2);

        Sys.Stop(actor);

        Assert.Equal(["a", "b"], deadLetters.ReceiveN(2).Cast<DeadLetter>().Select(d => d.Message));
    }

    [Fact]
    public void Stash_KeepsTheSender_UnstashedMessageRepliesToTheOriginalSender()
    {
        var actor = Sys.ActorOf(Props.Create(() => new GateKeeper(TestActor)));
        var asker = CreateTestProbe();
        asker.Send(actor, new Echo("hi"));

        actor.Tell(new Open());

        ExpectMsg("open");
        asker.ExpectMsg("hi");
    }

    private sealed record Open;

    private sealed record OpenMatching(string Prefix);

    private sealed record ReleaseOne;

    private sealed record Count;

    private sealed record Clear;

    private sealed record StashTwice;

    private sealed record Fail;

    private sealed record Echo(string Text);

    /// <summary>Stashes strings and echoes while closed; once opened, hands everything to the probe.</summary>
    private sealed class GateKeeper : ReceiveActor, IWithUnboundedStash
    {
        private readonly IActorRef _probe;

        public GateKeeper(IActorRef probe)
        {
            _probe = probe;
            Receive<Open>(_ =>
            {
                probe.Tell("open");
                Become(Opened);
                Stash.UnstashAll();
            });
            Receive<OpenMatching>(o =>
            {
                probe.Tell("open");
                Become(Opened);
                Stash.UnstashAll(m => m is string s && s.StartsWith(o.Prefix, StringComparison.Ordinal));
            });
            Receive<ReleaseOne>(_ =>
            {
                Become(Opened);
                Stash.Unstash();
            });
            Receive<Clear>(_ => probe.Tell(Stash.ClearStash().ToArray()));
            Receive<StashTwice>(_ =>
            {
                Stash.Stash();
                try
                {
                    Stash.Stash();
                }
                catch (InvalidOperationException e)
                {
                    probe.Tell(e);
                }
            });
            Receive<Count>(_ => probe.Tell(Stash.Count));
            Receive<Fail>(_ => throw new InvalidOperationException("restart with a full stash"));
            ReceiveAny(_ => Stash.Stash());
        }

        public IStash Stash { get; set; } = null!;

        protected override void PostRestart(Exception reason) => _probe.Tell("restarted");

        private void Opened()
        {
            Receive<Count>(_ => _probe.Tell(Stash.Count));
            Receive<Echo>(e => Sender.Tell(e.Text));
            ReceiveAny(m => _probe.Tell(m));
        }
    }
}
