using Akka.Actor;

namespace FundingArb.Actors.Placement;

/// Pair hosts as children of the orchestrator, named by executor id: one node, no cluster placement (the scenario
/// runner and the actor tests).
public sealed class ChildPairPlacement : IPairPlacement
{
    private readonly IActorContext _orchestrator;
    private readonly Func<string, Props> _hostProps;

    public ChildPairPlacement(IActorContext orchestrator, Func<string, Props> hostProps)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        ArgumentNullException.ThrowIfNull(hostProps);
        _orchestrator = orchestrator;
        _hostProps = hostProps;
    }

    public void Deliver(string executorId, object message, IActorRef sender)
    {
        var host = _orchestrator.Child(executorId);
        if (host.IsNobody())
        {
            host = _orchestrator.ActorOf(_hostProps(executorId), executorId);
        }

        host.Tell(message, sender);
    }
}
