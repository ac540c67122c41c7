using Akka.Actor;
using FundingArb.Actors.Orchestration;

namespace FundingArb.Node.Logging;

/// Subscribed to the orchestrator's registrations on the event stream: teaches PairLogContext each pair before its
/// executor's first line (the orchestrator publishes a registration before it starts the executor).
public sealed class PairRegistrations : ReceiveActor
{
    public PairRegistrations(PairLogContext pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        Receive<ExecutorRegistered>(e => pairs.Add(e.Spec));
    }

    public static Props Props(PairLogContext pairs) => Akka.Actor.Props.Create(() => new PairRegistrations(pairs));
}
