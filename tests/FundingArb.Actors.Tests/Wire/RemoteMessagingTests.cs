using System.Globalization;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Venues;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests.Wire;

// Two actor systems in one process, joined by Akka.Remote over loopback TCP (port 0 each): every message between them
// goes through the serializers their configuration binds, as between two nodes. The test system is the sending node;
// the other one hosts a responder standing in for the orchestrator and a venue gateway, and an echo.
public sealed class RemoteMessagingTests : TestKit
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(10);
    private readonly ActorSystem _remote;
    private readonly IActorRef _responder;
    private readonly IActorRef _echo;

    public RemoteMessagingTests()
        : base(NodeConfig(), "wire-sender")
    {
        _remote = ActorSystem.Create("wire-responder", NodeConfig());
        _remote.ActorOf(Props.Create(() => new Responder()), "responder");
        _remote.ActorOf(Props.Create(() => new Echo()), "echo");
        _responder = ResolveRemote("responder");
        _echo = ResolveRemote("echo");
    }

    [Fact]
    public async Task PlaceOrder_CrossesToTheGateway_AndItsOrderPlacedComesBackEqual()
    {
        var request = ClusterMessageSamples.Entry;

        _responder.Tell(new PlaceOrder(request), TestActor);

        var placed = await ExpectMsgAsync<OrderPlaced>(s_deadline);
        Assert.Equal(Responder.AckFor(request), placed);
    }

    [Fact]
    public async Task GetExecutors_CrossesToTheOrchestrator_AndItsReportComesBackEquivalent()
    {
        _responder.Tell(GetExecutors.Instance, TestActor);

        var report = await ExpectMsgAsync<ExecutorsReport>(s_deadline);
        Assert.Equivalent(Responder.Report, report, strict: true);
    }

    [Fact]
    public async Task EveryRegisteredMessage_CrossesThereAndBack_Equivalent()
    {
        foreach (var message in ClusterMessageSamples.All)
        {
            _echo.Tell(message, TestActor);

            var echoed = await ExpectMsgAsync<object>(s_deadline);
            Assert.Equivalent(message, echoed, strict: true);
        }
    }

    [Fact]
    public async Task ActorRef_WrittenOnOneNode_ReachesTheActorFromTheOther()
    {
        var reader = ClusterJson.CreateOptions((ExtendedActorSystem)_remote);
        var written = JsonSerializer.Serialize(TestActor, ClusterJson.CreateOptions((ExtendedActorSystem)Sys));

        var resolved = JsonSerializer.Deserialize<IActorRef>(written, reader)!;
        resolved.Tell(new ExecutorCreated("pair-BTC-alpha-beta-1"));

        Assert.Contains(((ExtendedActorSystem)Sys).Provider.DefaultAddress.ToString(), written, StringComparison.Ordinal);
        Assert.Equal(new ExecutorCreated("pair-BTC-alpha-beta-1"), await ExpectMsgAsync<ExecutorCreated>(s_deadline));
    }

    [Fact]
    public async Task UnboundType_IsRefusedAtTheSender_NamingIt_AndTheNextMessageStillCrosses()
    {
        await EventFilter.Exception<SerializationException>(contains: nameof(UnboundReport)).ExpectOneAsync(() =>
        {
            _echo.Tell(new UnboundReport("pair-BTC-alpha-beta-1"), TestActor);
            return Task.CompletedTask;
        });
        _echo.Tell(new CommandAccepted("pair-BTC-alpha-beta-1"), TestActor);

        Assert.Equal(new CommandAccepted("pair-BTC-alpha-beta-1"), await ExpectMsgAsync<CommandAccepted>(s_deadline));
    }

    [Fact]
    public async Task AkkasOwnMessages_KeepTheirBindings_WatchAndTerminatedCrossUnderStrictSerialization()
    {
        var watched = _remote.ActorOf(Props.Create(() => new Echo()), "watched");
        var remoteWatched = ResolveRemote("watched");
        await WatchAsync(remoteWatched);

        watched.Tell(PoisonPill.Instance);

        await ExpectTerminatedAsync(remoteWatched, s_deadline);
    }

    protected override void AfterAll()
    {
        Shutdown(_remote);
        base.AfterAll();
    }

    // Resolving through ActorSelection sends Akka's Identify and ActorIdentity across: their bindings hold too.
    private IActorRef ResolveRemote(string name) =>
        Sys.ActorSelection(new RootActorPath(((ExtendedActorSystem)_remote).Provider.DefaultAddress) / "user" / name).ResolveOne(s_deadline)
            .GetAwaiter().GetResult();

    private static Config NodeConfig()
    {
        var timeFactor = double.TryParse(Environment.GetEnvironmentVariable("FUNDINGARB_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture,
            out var factor) && factor > 0 ? factor : 1.0;
        return ConfigurationFactory.ParseString($$"""
            akka.actor.provider = remote
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.test.timefactor = {{timeFactor.ToString(CultureInfo.InvariantCulture)}}
            """).WithFallback(ClusterMessageSerializer.Config);
    }

    private sealed record UnboundReport(string ExecutorId);

    private sealed class Responder : ReceiveActor
    {
        public static readonly ExecutorsReport Report = new([ClusterMessageSamples.Report]);

        public Responder()
        {
            Receive<PlaceOrder>(place => Sender.Tell(AckFor(place.Request)));
            Receive<GetExecutors>(_ => Sender.Tell(Report));
        }

        public static OrderPlaced AckFor(OrderRequest request) =>
            new(request.ClientOrderId, new OrderAck(request.ClientOrderId, "beta-77", OrderStatus.Open, 0m, ClusterMessageSamples.At));
    }

    /// Sends back whatever arrives, as it was read on this side.
    private sealed class Echo : ReceiveActor
    {
        public Echo() => ReceiveAny(message => Sender.Tell(message));
    }
}
