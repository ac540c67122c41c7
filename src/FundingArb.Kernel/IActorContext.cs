namespace FundingArb.Kernel;

/// <summary>What an actor sees of itself and its surroundings while it handles a message.</summary>
public interface IActorContext
{
    /// <summary>This actor's own reference.</summary>
    IActorRef Self { get; }

    /// <summary>The sender of the message being handled; DeadLetters when it had none.</summary>
    IActorRef Sender { get; }

    /// <summary>The supervising parent.</summary>
    IActorRef Parent { get; }

    /// <summary>The system this actor belongs to.</summary>
    ActorSystem System { get; }

    /// <summary>The Props this actor was created from; a restart uses them again.</summary>
    Props Props { get; }

    /// <summary>The current children, including those that are stopping.</summary>
    IEnumerable<IActorRef> Children { get; }

    /// <summary>The receive timeout currently set, if any.</summary>
    TimeSpan? ReceiveTimeout { get; }

    /// <summary>The child with this name, or <see cref="ActorRefs.Nobody"/>.</summary>
    IActorRef Child(string name);

    /// <summary>Creates a child; a name already used by a live child throws <see cref="InvalidActorNameException"/>.</summary>
    IActorRef ActorOf(Props props, string? name = null);

    /// <summary>Stops a child, or this actor itself, after the message being handled.</summary>
    void Stop(IActorRef child);

    /// <summary>Delivers <see cref="Terminated"/> when <paramref name="subject"/> stops, even if it is already dead.</summary>
    IActorRef Watch(IActorRef subject);

    /// <summary>Like <see cref="Watch"/>, delivering <paramref name="message"/> instead of Terminated.</summary>
    IActorRef WatchWith(IActorRef subject, object message);

    /// <summary>Stops watching; a Terminated of <paramref name="subject"/> still queued is dropped.</summary>
    IActorRef Unwatch(IActorRef subject);

    /// <summary>Sends <see cref="Kernel.ReceiveTimeout"/> after this much inactivity; null turns it off.</summary>
    void SetReceiveTimeout(TimeSpan? timeout);

    /// <summary>A logger whose events carry this actor's path.</summary>
    ILoggingAdapter GetLogger();

    /// <summary>Replaces the current behaviour.</summary>
    void Become(Receive receive);

    /// <summary>Pushes a behaviour; <see cref="UnbecomeStacked"/> returns to the one below.</summary>
    void BecomeStacked(Receive receive);

    /// <summary>Pops the behaviour pushed last.</summary>
    void UnbecomeStacked();
}
