namespace FundingArb.Kernel.Tests;

public sealed class PropsTests : TestKit.TestKit
{
    [Fact]
    public void Create_ParameterlessGeneric_BuildsTheActorType()
    {
        var props = Props.Create<Greeter>();

        var actor = Sys.ActorOf(props);
        actor.Tell("who?");

        Assert.Equal(typeof(Greeter), props.ActorType);
        ExpectMsg("hello from nobody");
    }

    [Fact]
    public void Create_Factory_BuildsTheActorWithItsArguments()
    {
        var props = Props.Create(() => new Greeter("factory"));

        var actor = Sys.ActorOf(props);
        actor.Tell("who?");

        Assert.Equal(typeof(Greeter), props.ActorType);
        ExpectMsg("hello from factory");
    }

    [Fact]
    public void Create_TypeAndArguments_UsesTheMatchingConstructor()
    {
        var props = Props.Create(typeof(Greeter), "reflection");

        var actor = Sys.ActorOf(props);
        actor.Tell("who?");

        Assert.Equal(typeof(Greeter), props.ActorType);
        ExpectMsg("hello from reflection");
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(AbstractActor))]
    public void Create_TypeThatIsNotAConcreteActor_ThrowsArgumentException(Type type)
    {
        var create = () => Props.Create(type);

        Assert.Throws<ArgumentException>(create);
    }

    [Fact]
    public void Create_Factory_RunsAgainOnEveryRestart()
    {
        var built = 0;
        var actor = Sys.ActorOf(Props.Create(() =>
        {
            Interlocked.Increment(ref built);
            return new Greeter("counted");
        }));

        actor.Tell("fail");
        actor.Tell("fail");
        actor.Tell("who?");

        ExpectMsg("hello from counted");
        Assert.Equal(3, Volatile.Read(ref built));
    }

    [Fact]
    public void Create_TypeAndArguments_ConstructorRunsAgainOnRestart()
    {
        var actor = Sys.ActorOf(Props.Create(typeof(ConstructionReporter), TestActor));
        ExpectMsg("constructed");

        actor.Tell("fail");

        ExpectMsg("constructed");
    }

    [Fact]
    public void WithSupervisorStrategy_Always_ReturnsNewPropsAndLeavesTheOriginalUnchanged()
    {
        var original = Props.Create<Greeter>();

        var withStrategy = original.WithSupervisorStrategy(SupervisorStrategy.StoppingStrategy);

        Assert.NotSame(original, withStrategy);
        Assert.Null(original.SupervisorStrategy);
        Assert.Same(SupervisorStrategy.StoppingStrategy, withStrategy.SupervisorStrategy);
        Assert.Equal(original.ActorType, withStrategy.ActorType);
    }

    [Fact]
    public void ActorConstructor_CalledWithNewOutsideActorOf_ThrowsActorInitializationException()
    {
        var construct = () => new Greeter("rogue");

        Assert.Throws<ActorInitializationException>(construct);
    }

    private abstract class AbstractActor : ReceiveActor;

    private sealed class Greeter : ReceiveActor
    {
        public Greeter()
            : this("nobody")
        {
        }

        public Greeter(string name)
        {
            Receive<string>(s => s == "fail", _ => throw new InvalidOperationException("restart me"));
            Receive<string>(_ => Sender.Tell($"hello from {name}"));
        }
    }

    private sealed class ConstructionReporter : ReceiveActor
    {
        public ConstructionReporter(IActorRef probe)
        {
            probe.Tell("constructed");
            Receive<string>(_ => throw new InvalidOperationException("restart me"));
        }
    }
}
