namespace FundingArb.Kernel.Internal;

/// <summary>
/// The parent of the root guardian, outside the tree. A failure that escalates this far stops the root;
/// the root's termination completes the system's.
/// </summary>
internal sealed class RootParentRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public override void Tell(object message, IActorRef? sender)
    {
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                system.Log.Error(failed.Cause, "The root guardian failed; the system stops");
                ((IInternalActorRef)failed.Child).SendSystemMessage(new Terminate());
                break;
            case DeathWatchNotification:
                system.FinishTermination();
                break;
        }
    }
}
