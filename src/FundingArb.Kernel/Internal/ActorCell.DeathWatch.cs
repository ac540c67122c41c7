namespace FundingArb.Kernel.Internal;

/// <summary>
/// Death watch. A watcher keeps whom it watches (with an optional custom message); a watchee keeps its
/// watchers. A stopped actor tells its watchers; a Watch that reaches an actor already gone is answered by
/// the dead-letter path, so watching the dead still yields Terminated. A Terminated already queued is
/// dropped when the watcher unwatches before it is processed.
/// </summary>
internal sealed partial class ActorCell
{
    public IActorRef Watch(IActorRef subject) => WatchWith(subject, null, requireSameMessage: false);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchWith(subject, message, requireSameMessage: true);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_extras?.Watching is { } watching && watching.Remove(subject) && subject is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Unwatch(internalRef, Self));
        }

        _extras?.TerminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchWith(IActorRef subject, object? message, bool requireSameMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self))
        {
            return subject;
        }

        var watching = Extras.Watching ??= [];
        if (watching.TryGetValue(subject, out var existing))
        {
            if (requireSameMessage && !Equals(existing, message))
            {
                throw new InvalidOperationException($"Watch({Self}, {subject}) is already set with message [{existing}]; unwatch first.");
            }

            return subject;
        }

        watching.Add(subject, message);
        if (subject is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Watch(internalRef, Self));
        }

        return subject;
    }

    private void AddWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self) && !watcher.Equals(Self))
        {
            (Extras.WatchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _extras?.WatchedBy?.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed, bool addressTerminated)
    {
        if (_extras?.Watching is { } watching && watching.Remove(actor, out var customMessage) && !_terminating)
        {
            (_extras.TerminatedQueued ??= [])[actor] = customMessage;
            Self.Tell(new Terminated(actor, existenceConfirmed, addressTerminated), actor);
        }

        if (ChildCell(actor) is { } child)
        {
            HandleChildTerminated(child);
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_extras?.TerminatedQueued is { } queued && queued.Remove(terminated.ActorRef, out var customMessage))
        {
            ReceiveMessage(customMessage ?? terminated);
        }
    }

    private void TellWatchersWeDied()
    {
        if (_extras?.WatchedBy is not { } watchedBy)
        {
            return;
        }

        foreach (var watcher in watchedBy)
        {
            if (watcher is IInternalActorRef internalRef && !watcher.Equals(_parent))
            {
                internalRef.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            }
        }

        _extras.WatchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_extras?.Watching is not { } watching)
        {
            return;
        }

        foreach (var watchee in watching.Keys)
        {
            if (watchee is IInternalActorRef internalRef)
            {
                internalRef.SendSystemMessage(new Unwatch(internalRef, Self));
            }
        }

        _extras.Watching = null;
        _extras.TerminatedQueued = null;
    }
}
