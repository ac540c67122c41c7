using Akka.Actor;
using Akka.TestKit;
using FundingArb.Actors.Pairs;

namespace FundingArb.Actors.Tests;

/// What executor tests ask of an executor and of the venue probes around it.
internal static class ExecutorTestKitExtensions
{
    /// The executor's report, asked for by the kit's test actor.
    public static PairReport ReportOf(this TestKitBase kit, IActorRef executor)
    {
        executor.Tell(GetPairReport.Instance, kit.TestActor);
        return kit.ExpectMsg<ExecutorUpdated>().Report;
    }

    /// Every message the probe holds now, without waiting for more.
    public static List<object> Drain(this TestProbe probe)
    {
        var messages = new List<object>();
        while (probe.ReceiveOne(TimeSpan.Zero) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }
}
