using Akka.Actor;
using static Akka.Cluster.ClusterEvent;

namespace FundingArb.Node.Cluster;

/// Keeps the latest member and reachability events this node has seen, at most `capacity`, oldest dropped first.
/// It subscribes with the initial state as events: it starts just before the node joins, but its subscription races the
/// join, so what the subscription finds already (at most the node's own Joining or Up) happened a moment before.
public sealed class ClusterEventsActor : ReceiveActor
{
    private readonly Queue<ClusterEventRecord> _events;
    private readonly int _capacity;
    private readonly TimeProvider _clock;

    public ClusterEventsActor(int capacity, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentNullException.ThrowIfNull(clock);
        _capacity = capacity;
        _clock = clock;
        _events = new Queue<ClusterEventRecord>(capacity);
        Receive<IMemberEvent>(e => Record(e.GetType().Name, e.Member.Address));
        Receive<ReachabilityEvent>(e => Record(e.GetType().Name, e.Member.Address));
        Receive<GetRecentClusterEvents>(_ => Sender.Tell(new RecentClusterEvents([.. _events])));
    }

    public static Props Props(int capacity, TimeProvider clock) => Akka.Actor.Props.Create(() => new ClusterEventsActor(capacity, clock));

    protected override void PreStart() =>
        Akka.Cluster.Cluster.Get(Context.System).Subscribe(Self, SubscriptionInitialStateMode.InitialStateAsEvents, typeof(IMemberEvent), typeof(IReachabilityEvent));

    protected override void PostStop() => Akka.Cluster.Cluster.Get(Context.System).Unsubscribe(Self);

    private void Record(string type, Address address)
    {
        if (_events.Count == _capacity)
        {
            _events.Dequeue();
        }

        _events.Enqueue(new ClusterEventRecord(type, address.ToString(), _clock.GetUtcNow()));
    }
}
