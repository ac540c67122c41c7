namespace FundingArb.Kernel.Internal;

/// <summary>A ReceiveActor handler for one message type.</summary>
internal abstract class MessageHandler
{
    public abstract bool TryHandle(object message);
}
