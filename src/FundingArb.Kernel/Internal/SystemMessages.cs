namespace FundingArb.Kernel.Internal;

/// <summary>Build the actor instance and run PreStart.</summary>
internal sealed class Create : SystemMessage;

/// <summary>Restart after a failure (the supervisor's Restart directive).</summary>
internal sealed class Recreate(Exception cause) : SystemMessage
{
    public Exception Cause { get; } = cause;
}

/// <summary>Stop processing user messages, recursively, until resumed.</summary>
internal sealed class Suspend : SystemMessage;

/// <summary>Resume processing; <see cref="CausedByFailure"/> is set when this answers the actor's own failure.</summary>
internal sealed class Resume(Exception? causedByFailure) : SystemMessage
{
    public Exception? CausedByFailure { get; } = causedByFailure;
}

/// <summary>Stop the actor: its children first, then PostStop, then tell the watchers.</summary>
internal sealed class Terminate : SystemMessage;

/// <summary>Sent to <see cref="Watchee"/>: <see cref="Watcher"/> wants its Terminated.</summary>
internal sealed class Watch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Sent to <see cref="Watchee"/>: <see cref="Watcher"/> no longer watches it.</summary>
internal sealed class Unwatch(IInternalActorRef watchee, IInternalActorRef watcher) : SystemMessage
{
    public IInternalActorRef Watchee { get; } = watchee;

    public IInternalActorRef Watcher { get; } = watcher;
}

/// <summary>Sent to the parent and every watcher of an actor that has stopped.</summary>
internal sealed class DeathWatchNotification(IActorRef actor, bool existenceConfirmed, bool addressTerminated) : SystemMessage
{
    public IActorRef Actor { get; } = actor;

    public bool ExistenceConfirmed { get; } = existenceConfirmed;

    public bool AddressTerminated { get; } = addressTerminated;
}

/// <summary>Sent by a failed child to its parent, which answers with a directive.</summary>
internal sealed class Failed(IActorRef child, Exception cause, long uid) : SystemMessage
{
    public IActorRef Child { get; } = child;

    public Exception Cause { get; } = cause;

    public long Uid { get; } = uid;
}

/// <summary>A continuation of an async handler, run as a turn of the actor it belongs to.</summary>
internal sealed class AsyncContinuation(SendOrPostCallback callback, object? state) : SystemMessage
{
    public SendOrPostCallback Callback { get; } = callback;

    public object? State { get; } = state;
}

/// <summary>The task of an async handler finished; the mailbox resumes (or the actor fails).</summary>
internal sealed class AsyncHandlerCompleted(Task task) : SystemMessage
{
    public Task Task { get; } = task;
}
