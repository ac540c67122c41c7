using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>Tell and Forward with Akka's implicit sender.</summary>
public static class ActorRefExtensions
{
    /// <summary>
    /// Tells <paramref name="message"/> with the current actor as sender when called inside an actor's
    /// message handler, and with no sender otherwise.
    /// </summary>
    public static void Tell(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        receiver.Tell(message, ActorCell.Current?.Self ?? ActorCell.ImplicitSender.Value);
    }

    /// <summary>Sends <paramref name="message"/> keeping the sender of the message being handled.</summary>
    public static void Forward(this ICanTell receiver, object message)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        var current = ActorCell.Current ?? throw new InvalidOperationException("Forward can only be called from inside an actor's message handler.");
        receiver.Tell(message, current.Sender);
    }

    /// <summary>True for <see cref="ActorRefs.Nobody"/> and for a null reference.</summary>
    public static bool IsNobody(this IActorRef? actorRef) => actorRef is null or NobodyActorRef;
}
