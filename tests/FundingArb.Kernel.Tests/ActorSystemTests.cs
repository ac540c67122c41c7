using System.Collections.Concurrent;

namespace FundingArb.Kernel.Tests;

public sealed class ActorSystemTests : TestKit.TestKit
{
    private static readonly TimeSpan s_terminationLimit = TimeSpan.FromSeconds(5);

    [Fact]
    public void ActorOf_NameUsedBySibling_ThrowsInvalidActorNameException()
    {
        Sys.ActorOf(Props.Create<SilentActor>(), "taken");

        var create = () => Sys.ActorOf(Props.Create<SilentActor>(), "taken");

        Assert.Throws<InvalidActorNameException>(create);
    }

    [Fact]
    public void ActorOf_SameNameUnderDifferentParents_Succeeds()
    {
        var parent = Sys.ActorOf(Props.Create<ParentActor>(), "same");

        parent.Tell(new CreateChild("same"));

        var child = ExpectMsg<IActorRef>();
        Assert.Equal("same", child.Path.Name);
        Assert.Equal(parent.Path, child.Path.Parent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("$generated")]
    [InlineData("with/slash")]
    [InlineData("with space")]
    [InlineData("with#hash")]
    public void ActorOf_InvalidName_ThrowsInvalidActorNameException(string name)
    {
        var create = () => Sys.ActorOf(Props.Create<SilentActor>(), name);

        Assert.Throws<InvalidActorNameException>(create);
    }

    [Fact]
    public void ActorOf_NoName_GeneratesDistinctNamesStartingWithDollar()
    {
        var first = Sys.ActorOf(Props.Create<SilentActor>());

        var second = Sys.ActorOf(Props.Create<SilentActor>());

        Assert.StartsWith("$", first.Path.Name, StringComparison.Ordinal);
        Assert.NotEqual(first.Path.Name, second.Path.Name);
    }

    [Fact]
    public void ActorOf_TopLevel_LivesUnderUserGuardian()
    {
        var actor = Sys.ActorOf(Props.Create<SilentActor>(), "top");

        var path = actor.Path;

        Assert.Equal(["user", "top"], path.Elements);
        Assert.Equal(Sys.Name, path.Address.System);
    }

    [Fact]
    public void ActorOf_NameOfStoppedChildAfterItsTerminatedArrived_CanBeReused()
    {
        var parent = Sys.ActorOf(Props.Create<ParentActor>());
        parent.Tell(new CreateChild("reused"));
        var first = ExpectMsg<IActorRef>();

        parent.Tell(new StopAndRecreate(first));

        var second = ExpectMsg<IActorRef>();
        Assert.Equal(first.Path, second.Path);
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Stop_Actor_StopsItAndRunsPostStop()
    {
        var actor = Sys.ActorOf(Props.Create(() => new PostStopReporter(TestActor, "stopped")));
        Watch(actor);

        Sys.Stop(actor);

        ExpectMsg("stopped");
        ExpectTerminated(actor);
    }

    [Fact]
    public void Stop_AlreadyStoppedActor_DoesNothing()
    {
        var actor = Sys.ActorOf(Props.Create<SilentActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        var stopAgain = Record.Exception(() => Sys.Stop(actor));

        Assert.Null(stopAgain);
    }

    [Fact]
    public async Task Terminate_RunningActors_RunsEveryPostStopChildrenBeforeParents()
    {
        var stops = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new StopRecorder(stops, TestActor, "parent", "child", "grandchild")), "parent");
        Sys.ActorOf(Props.Create(() => new StopRecorder(stops, TestActor, "other")), "other");
        ExpectMsg("ready");
        ExpectMsg("ready");

        await Sys.Terminate().WaitAsync(s_terminationLimit);

        Assert.Equal(["grandchild", "child", "parent"], stops.Where(s => s != "other").ToArray());
        Assert.Contains("other", stops);
    }

    [Fact]
    public async Task Terminate_Always_CompletesWhenTerminated()
    {
        var whenTerminated = Sys.WhenTerminated;

        await Sys.Terminate().WaitAsync(s_terminationLimit);

        Assert.True(whenTerminated.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Terminate_CalledTwice_ReturnsTheSameCompletion()
    {
        var first = Sys.Terminate();

        var second = Sys.Terminate();

        await first.WaitAsync(s_terminationLimit);
        await second.WaitAsync(s_terminationLimit);
        Assert.True(Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public async Task RegisterOnTermination_SeveralHooks_RunInReverseRegistrationOrderBeforeWhenTerminated()
    {
        var ran = new ConcurrentQueue<string>();
        Sys.RegisterOnTermination(() => ran.Enqueue("first"));
        Sys.RegisterOnTermination(() => ran.Enqueue("second"));
        Sys.RegisterOnTermination(() => ran.Enqueue("third"));

        await Sys.Terminate().WaitAsync(s_terminationLimit);

        Assert.Equal(["third", "second", "first"], ran.ToArray());
    }

    [Fact]
    public async Task RegisterOnTermination_AfterTermination_Throws()
    {
        await Sys.Terminate().WaitAsync(s_terminationLimit);

        var register = () => Sys.RegisterOnTermination(() => { });

        Assert.Throws<InvalidOperationException>(register);
    }

    [Fact]
    public async Task DisposeAsync_RunningSystem_TerminatesIt()
    {
        var system = ActorSystem.Create("disposable");
        var whenTerminated = system.WhenTerminated;

        await system.DisposeAsync();

        Assert.True(whenTerminated.IsCompleted);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("dot.ted")]
    public void Create_InvalidSystemName_ThrowsArgumentException(string name)
    {
        var create = () => ActorSystem.Create(name);

        Assert.Throws<ArgumentException>(create);
    }

    [Fact]
    public void DeadLetters_MessageToStoppedActor_PublishesDeadLetter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<SilentActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        actor.Tell("too late");

        var deadLetter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("too late", deadLetter.Message);
        Assert.Equal(TestActor, deadLetter.Sender);
        Assert.Equal(actor, deadLetter.Recipient);
    }

    [Fact]
    public void DeadLetters_MessageToDeadLettersRef_PublishesDeadLetter()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));

        Sys.DeadLetters.Tell("nowhere");

        var deadLetter = deadLetters.ExpectMsg<DeadLetter>();
        Assert.Equal("nowhere", deadLetter.Message);
        Assert.Equal(Sys.DeadLetters, deadLetter.Recipient);
    }

    [Fact]
    public void DeadLetters_TerminatedToStoppedActor_IsSuppressed()
    {
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        var actor = Sys.ActorOf(Props.Create<SilentActor>());
        Watch(actor);
        Sys.Stop(actor);
        ExpectTerminated(actor);

        actor.Tell(new Terminated(TestActor, ExistenceConfirmed: true, AddressTerminated: false));
        actor.Tell("marker");

        Assert.Equal("marker", deadLetters.ExpectMsg<DeadLetter>().Message);
    }

    [Fact]
    public void UnhandledMessage_MessageNoBehaviourHandles_IsPublishedWithSenderAndRecipient()
    {
        var unhandled = CreateTestProbe();
        Sys.EventStream.Subscribe(unhandled.Ref, typeof(UnhandledMessage));
        var actor = Sys.ActorOf(Props.Create<SilentActor>());

        actor.Tell(3.5);

        var published = unhandled.ExpectMsg<UnhandledMessage>();
        Assert.Equal(3.5, published.Message);
        Assert.Equal(TestActor, published.Sender);
        Assert.Equal(actor, published.Recipient);
    }

    [Fact]
    public void Scheduler_Now_IsTheSystemClock()
    {
        var before = TimeProvider.System.GetUtcNow();

        var now = Sys.Scheduler.Now;

        Assert.InRange(now, before, TimeProvider.System.GetUtcNow());
    }

    private sealed record CreateChild(string Name);

    private sealed record StopAndRecreate(IActorRef Child);

    private sealed class SilentActor : ReceiveActor
    {
        public SilentActor()
        {
            Receive<string>(_ => { });
        }
    }

    private sealed class PostStopReporter(IActorRef probe, object message) : UntypedActor
    {
        protected override void OnReceive(object message) => Unhandled(message);

        protected override void PostStop() => probe.Tell(message);
    }

    private sealed class ParentActor : ReceiveActor
    {
        public ParentActor()
        {
            Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(Props.Create<SilentActor>(), c.Name)));
            Receive<StopAndRecreate>(s =>
            {
                var requester = Sender;
                Context.Watch(s.Child);
                Context.Stop(s.Child);
                Become(() => Receive<Terminated>(t => requester.Tell(Context.ActorOf(Props.Create<SilentActor>(), t.ActorRef.Path.Name))));
            });
        }
    }

    private sealed class StopRecorder : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _stops;
        private readonly string _name;

        public StopRecorder(ConcurrentQueue<string> stops, IActorRef readyProbe, params string[] descendants)
        {
            _stops = stops;
            _name = descendants.Length == 0 ? "leaf" : descendants[0];
            if (descendants.Length > 1)
            {
                Context.ActorOf(Props.Create(() => new StopRecorder(stops, readyProbe, descendants[1..])), descendants[1]);
            }
            else
            {
                readyProbe.Tell("ready");
            }
        }

        protected override void PostStop() => _stops.Enqueue(_name);
    }
}
