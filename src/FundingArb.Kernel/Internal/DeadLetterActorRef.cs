namespace FundingArb.Kernel.Internal;

/// <summary>
/// Where undeliverable messages go: each is published as a <see cref="DeadLetter"/>. A Watch of a dead
/// actor is answered here, so watching an actor that is already gone still yields its Terminated, and an
/// Identify is answered with an <see cref="ActorIdentity"/> without subject.
/// </summary>
internal sealed class DeadLetterActorRef(ActorSystem system, ActorPath path) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public ActorSystem System => system;

    public override void Tell(object message, IActorRef? sender) => Publish(message, sender, this);

    public void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        switch (message)
        {
            case DeadLetter when !ReferenceEquals(recipient, this):
                // A DeadLetter that reached a dead subscriber of DeadLetter: publishing it again would hand it
                // straight back to that subscriber, forever. Akka's dead-letter mailbox drops it the same way.
                break;
            case DeadLetter deadLetter:
                system.EventStream.Publish(deadLetter);
                break;
            case Identify identify:
                // Nobody lives here: answer as Akka does, so Identify can tell a dead reference from a slow one.
                sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
                break;
            case IDeadLetterSuppression:
                break;
            default:
                system.EventStream.Publish(new DeadLetter(message, sender, recipient));
                break;
        }
    }

    public override void SendSystemMessage(SystemMessage message) => AnswerForDeadActor(this, message);

    /// <summary>A system message that reached an actor after it stopped.</summary>
    public static void AnswerForDeadActor(IActorRef deadActor, SystemMessage message)
    {
        if (message is Watch watch && watch.Watchee.Equals(deadActor) && !watch.Watcher.Equals(deadActor))
        {
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false, addressTerminated: false));
        }
    }
}
