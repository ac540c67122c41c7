using Akka.Actor;
using FundingArb.Actors.Placement;

namespace FundingArb.Actors.Tests.Placement;

/// Stands in for an executor under a pair host: everything it receives goes to the probe, ToParent's message goes to
/// its host as an executor's would, and HandOff stops it as it stops an executor.
internal sealed class ProbeExecutor : ReceiveActor
{
    public ProbeExecutor(IActorRef probe)
    {
        Receive<ToParent>(m => Context.Parent.Tell(m.Message));
        Receive<StopSelf>(_ => Context.Stop(Self));
        Receive<HandOff>(m =>
        {
            probe.Tell(m);
            Context.Stop(Self);
        });
        ReceiveAny(m => probe.Forward(m));
    }

    public static Props Props(IActorRef probe) => Akka.Actor.Props.Create(() => new ProbeExecutor(probe));

    public sealed record ToParent(object Message);

    public sealed record StopSelf
    {
        public static StopSelf Instance { get; } = new();
    }
}
