namespace FundingArb.Kernel.Internal;

/// <summary>
/// Death watch. A watcher keeps whom it watches (with an optional custom message); a watchee keeps its
/// watchers. A stopped actor tells its watchers; a Watch that reaches an actor already gone is answered by
/// the dead-letter path, so watching the dead still yields Terminated. A Terminated already queued is
/// dropped when the watcher unwatches before it is processed.
/// </summary>
internal sealed partial class ActorCell
{
    private Dictionary<IActorRef, object?>? _watching;
    private HashSet<IActorRef>? _watchedBy;
    private Dictionary<IActorRef, object?>? _terminatedQueued;

    public IActorRef Watch(IActorRef subject) => WatchWith(subject, null, requireSameMessage: false);

    public IActorRef WatchWith(IActorRef subject, object message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WatchWith(subject, message, requireSameMessage: true);
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (_watching is not null && _watching.Remove(subject) && subject is IInternalActorRef internalRef)
        {
            internalRef.SendSystemMessage(new Unwatch(internalRef, Self));
        }

        _terminatedQueued?.Remove(subject);
        return subject;
    }

    private IActorRef WatchWith(IActorRef subject, object? message, bool requireSameMessage)
    {
        ArgumentNullException.ThrowIfNull(subject);
        if (subject.Equals(Self))
        {
            return subject;
        }

        _watching ??= [];
        if (_watching.TryGetValue(subject, out var existing))
        {
            if (requireSameMessage && !Equals(existing, message))
            {
                throw new InvalidOperationException($"Watch({Self}, {subject}) is already set with message [{existing}]; unwatch first.");
            }

            return subject;
        }

        _watching.Add(subject, message);
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
            (_watchedBy ??= []).Add(watcher);
        }
    }

    private void RemoveWatcher(IInternalActorRef watchee, IInternalActorRef watcher)
    {
        if (watchee.Equals(Self))
        {
            _watchedBy?.Remove(watcher);
        }
    }

    private void WatchedActorTerminated(IActorRef actor, bool existenceConfirmed, bool addressTerminated)
    {
        if (_watching is not null && _watching.Remove(actor, out var customMessage) && !_terminating)
        {
            (_terminatedQueued ??= [])[actor] = customMessage;
            Self.Tell(new Terminated(actor, existenceConfirmed, addressTerminated), actor);
        }

        if (ChildCell(actor) is { } child)
        {
            HandleChildTerminated(child);
        }
    }

    private void ReceivedTerminated(Terminated terminated)
    {
        if (_terminatedQueued is not null && _terminatedQueued.Remove(terminated.ActorRef, out var customMessage))
        {
            ReceiveMessage(customMessage ?? terminated);
        }
    }

    private void TellWatchersWeDied()
    {
        if (_watchedBy is null)
        {
            return;
        }

        foreach (var watcher in _watchedBy)
        {
            if (watcher is IInternalActorRef internalRef && !watcher.Equals(_parent))
            {
                internalRef.SendSystemMessage(new DeathWatchNotification(Self, existenceConfirmed: true, addressTerminated: false));
            }
        }

        _watchedBy = null;
    }

    private void UnwatchWatchedActors()
    {
        if (_watching is null)
        {
            return;
        }

        foreach (var watchee in _watching.Keys)
        {
            if (watchee is IInternalActorRef internalRef)
            {
                internalRef.SendSystemMessage(new Unwatch(internalRef, Self));
            }
        }

        _watching = null;
        _terminatedQueued = null;
    }
}
