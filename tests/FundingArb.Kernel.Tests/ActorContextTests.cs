namespace FundingArb.Kernel.Tests;

public sealed class ActorContextTests : TestKit.TestKit
{
    [Fact]
    public void Self_InsideTheActor_IsTheRefActorOfReturned()
    {
        var actor = Sys.ActorOf(Props.Create<ContextActor>());

        actor.Tell(new Ask("self"));

        Assert.Equal(actor, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Sender_MessageToldWithoutSender_IsDeadLetters()
    {
        var actor = Sys.ActorOf(Props.Create<ContextActor>());

        actor.Tell(new AskAndReplyTo("sender", TestActor), ActorRefs.NoSender);

        Assert.Equal(Sys.DeadLetters, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Tell_InsideAnActor_SendsWithTheActorAsImplicitSender()
    {
        var actor = Sys.ActorOf(Props.Create<ContextActor>());

        actor.Tell(new Ask("self"));

        ExpectMsg<IActorRef>();
        Assert.Equal(actor, LastSender);
    }

    [Fact]
    public void Forward_InsideAnActor_KeepsTheOriginalSender()
    {
        var forwarder = Sys.ActorOf(Props.Create<ContextActor>());
        var target = Sys.ActorOf(Props.Create<ContextActor>());

        forwarder.Tell(new ForwardTo(target, new Ask("sender")));

        Assert.Equal(TestActor, ExpectMsg<IActorRef>());
        Assert.Equal(target, LastSender);
    }

    [Fact]
    public void Parent_TopLevelActor_IsTheUserGuardian()
    {
        var actor = Sys.ActorOf(Props.Create<ContextActor>());

        actor.Tell(new Ask("parent"));

        var parent = ExpectMsg<IActorRef>();
        Assert.Equal(["user"], parent.Path.Elements);
    }

    [Fact]
    public void ActorOf_InsideAnActor_CreatesAChildWhoseParentIsThatActor()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>(), "parent");

        parent.Tell(new CreateChild("kid"));
        var child = ExpectMsg<IActorRef>();
        child.Tell(new Ask("parent"));

        Assert.Equal(["user", "parent", "kid"], child.Path.Elements);
        Assert.Equal(parent, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Children_AfterCreatingTwo_ListsBoth()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>());
        parent.Tell(new CreateChild("a"));
        parent.Tell(new CreateChild("b"));
        var a = ExpectMsg<IActorRef>();
        var b = ExpectMsg<IActorRef>();

        parent.Tell(new Ask("children"));

        Assert.Equal([a, b], ExpectMsg<IActorRef[]>().Order());
    }

    [Fact]
    public void Child_ExistingName_ReturnsThatChild()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>());
        parent.Tell(new CreateChild("kid"));
        var kid = ExpectMsg<IActorRef>();

        parent.Tell(new FindChild("kid"));

        Assert.Equal(kid, ExpectMsg<IActorRef>());
    }

    [Fact]
    public void Child_UnknownName_ReturnsNobody()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>());

        parent.Tell(new FindChild("ghost"));

        var found = ExpectMsg<IActorRef>();
        Assert.True(found.IsNobody());
        Assert.Same(ActorRefs.Nobody, found);
    }

    [Fact]
    public void ActorOf_NameOfLiveChild_ThrowsInvalidActorNameException()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>());
        parent.Tell(new CreateChild("kid"));
        ExpectMsg<IActorRef>();

        parent.Tell(new CreateChild("kid"));

        ExpectMsg<InvalidActorNameException>();
    }

    [Fact]
    public void Stop_Child_StopsIt()
    {
        var parent = Sys.ActorOf(Props.Create<ContextActor>());
        parent.Tell(new CreateChild("kid"));
        var kid = ExpectMsg<IActorRef>();
        Watch(kid);

        parent.Tell(new StopIt(kid));

        ExpectTerminated(kid);
    }

    [Fact]
    public void Stop_Self_FinishesTheCurrentMessageThenDeadLettersTheRest()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<ContextActor>());
        Watch(actor);

        actor.Tell(new StopSelfThenReply("finished the current message"));
        actor.Tell(new Ask("self"));

        ExpectMsg("finished the current message");
        ExpectTerminated(actor);
        Assert.IsType<Ask>(deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void SystemAndProps_InsideTheActor_AreTheSystemAndThePropsItWasCreatedFrom()
    {
        var props = Props.Create<ContextActor>();
        var actor = Sys.ActorOf(props);

        actor.Tell(new Ask("system and props"));

        var (system, actorProps) = ExpectMsg<(ActorSystem, Props)>();
        Assert.Same(Sys, system);
        Assert.Same(props, actorProps);
    }

    [Fact]
    public void GetLogger_Info_PublishesLogEventWithTheActorPathAsSource()
    {
        var logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs.Ref, typeof(LogEvent));
        var actor = Sys.ActorOf(Props.Create<ContextActor>(), "logger");

        actor.Tell(new LogInfo("Opened {Pair} at {Price}", ["BTC-PERP", 42.5m]));

        var logEvent = logs.FishForMessage<LogEvent>(e => e.Template.StartsWith("Opened", StringComparison.Ordinal));
        Assert.Equal(LogLevel.Info, logEvent.Level);
        Assert.Equal(actor.Path.ToStringWithoutUid(), logEvent.LogSource);
        Assert.Equal(typeof(ContextActor), logEvent.LogClass);
        Assert.Equal("Opened BTC-PERP at 42.5", logEvent.FormattedMessage());
    }

    [Fact]
    public void GetLogger_DebugBelowTheDefaultInfoLevel_IsNotPublished()
    {
        var logs = CreateTestProbe();
        Sys.EventStream.Subscribe(logs.Ref, typeof(LogEvent));
        var actor = Sys.ActorOf(Props.Create<ContextActor>());

        actor.Tell(new LogDebug("not shown"));
        actor.Tell(new LogInfo("shown", []));

        Assert.Equal("shown", logs.ExpectMsg<LogEvent>().Template);
    }

    private sealed record Ask(string What);

    private sealed record AskAndReplyTo(string What, IActorRef ReplyTo);

    private sealed record ForwardTo(IActorRef Target, object Message);

    private sealed record CreateChild(string Name);

    private sealed record FindChild(string Name);

    private sealed record StopIt(IActorRef Child);

    private sealed record StopSelfThenReply(string Reply);

    private sealed record LogInfo(string Template, object[] Args);

    private sealed record LogDebug(string Template);

    private sealed class ContextActor : ReceiveActor
    {
        public ContextActor()
        {
            Receive<Ask>(a => Sender.Tell(Answer(a.What)));
            Receive<AskAndReplyTo>(a => a.ReplyTo.Tell(Answer(a.What)));
            Receive<ForwardTo>(f => f.Target.Forward(f.Message));
            Receive<CreateChild>(c =>
            {
                try
                {
                    Sender.Tell(Context.ActorOf(Props.Create<ContextActor>(), c.Name));
                }
                catch (InvalidActorNameException e)
                {
                    Sender.Tell(e);
                }
            });
            Receive<FindChild>(f => Sender.Tell(Context.Child(f.Name)));
            Receive<StopIt>(s => Context.Stop(s.Child));
            Receive<StopSelfThenReply>(s =>
            {
                Context.Stop(Self);
                Sender.Tell(s.Reply);
            });
            Receive<LogInfo>(l => Context.GetLogger().Info(l.Template, l.Args));
            Receive<LogDebug>(l => Context.GetLogger().Debug(l.Template));
        }

        private object Answer(string what) => what switch
        {
            "self" => Self,
            "sender" => Sender,
            "parent" => Context.Parent,
            "children" => Context.Children.ToArray(),
            "system and props" => (Context.System, Context.Props),
            _ => throw new ArgumentOutOfRangeException(nameof(what), what, "unknown question"),
        };
    }
}
