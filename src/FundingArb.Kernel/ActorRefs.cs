using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>Well-known references that do not belong to a live actor.</summary>
public static class ActorRefs
{
    /// <summary>A reference that discards every message; <c>IsNobody()</c> tests for it.</summary>
    public static readonly IActorRef Nobody = NobodyActorRef.Instance;

    /// <summary>The sender to pass when a message has no meaningful reply address.</summary>
    public static readonly IActorRef? NoSender;
}
