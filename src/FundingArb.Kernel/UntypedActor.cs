namespace FundingArb.Kernel;

/// <summary>An actor with one method for every message; it must call <c>Unhandled</c> itself for what it ignores.</summary>
public abstract class UntypedActor : ActorBase
{
    protected internal sealed override bool Receive(object message)
    {
        OnReceive(message);
        return true;
    }

    /// <summary>Handles a message.</summary>
    protected abstract void OnReceive(object message);
}
