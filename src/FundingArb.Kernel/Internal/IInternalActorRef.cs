namespace FundingArb.Kernel.Internal;

/// <summary>The kernel's view of a reference: it can also carry system messages.</summary>
internal interface IInternalActorRef : IActorRef
{
    void SendSystemMessage(SystemMessage message);
}
