namespace FundingArb.Kernel.Persistence;

/// <summary>A persistent actor with one method for commands and one for recovery.</summary>
public abstract class UntypedPersistentActor : Eventsourced
{
    protected sealed override bool ReceiveCommand(object message)
    {
        OnCommand(message);
        return true;
    }

    protected sealed override bool ReceiveRecover(object message)
    {
        OnRecover(message);
        return true;
    }

    /// <summary>Handles a command; call Unhandled for what it ignores.</summary>
    protected abstract void OnCommand(object message);

    /// <summary>Handles a replayed event, a SnapshotOffer, or RecoveryCompleted.</summary>
    protected abstract void OnRecover(object message);
}
