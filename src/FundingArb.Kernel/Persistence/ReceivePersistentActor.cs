using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// A persistent actor whose command and recovery handlers are registered in its constructor, like a
/// ReceiveActor's: <c>Command&lt;T&gt;</c> for commands, <c>Recover&lt;T&gt;</c> for events and snapshots.
/// </summary>
public abstract class ReceivePersistentActor : Eventsourced
{
    private readonly MessageHandlers _commands = new();
    private readonly MessageHandlers _recovery = new();
    private MessageHandlers? _configuringCommands;
    private bool _configuring = true;

    protected ReceivePersistentActor()
    {
        _configuringCommands = _commands;
    }

    protected void Command<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Commands().Add(new MessageHandler<T>(null, m => { handler(m); return true; }));
    }

    protected void Command<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Commands().Add(new MessageHandler<T>(shouldHandle, m => { handler(m); return true; }));
    }

    protected void Command<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Commands().Add(new MessageHandler<T>(null, handler));
    }

    /// <summary>Handles a command asynchronously: no other command is handled until its task completes.</summary>
    protected void CommandAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Commands().Add(new MessageHandler<T>(shouldHandle, m => { RunTask(() => handler(m)); return true; }));
    }

    /// <summary>Handles any command; must be registered last.</summary>
    protected void CommandAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var commands = Commands();
        commands.Add(new MessageHandler<object>(null, m => { handler(m); return true; }));
        commands.Complete();
    }

    protected void Recover<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RecoveryHandlers().Add(new MessageHandler<T>(null, m => { handler(m); return true; }));
    }

    protected void Recover<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        RecoveryHandlers().Add(new MessageHandler<T>(shouldHandle, m => { handler(m); return true; }));
    }

    protected void Recover<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        RecoveryHandlers().Add(new MessageHandler<T>(null, handler));
    }

    /// <summary>Handles any recovery message; must be registered last.</summary>
    protected void RecoverAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var recovery = RecoveryHandlers();
        recovery.Add(new MessageHandler<object>(null, m => { handler(m); return true; }));
        recovery.Complete();
    }

    /// <summary>Replaces the command behaviour with the handlers <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(ConfigureCommands(configure).TryHandle);

    /// <summary>Pushes the command handlers <paramref name="configure"/> registers as the new behaviour.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(ConfigureCommands(configure).TryHandle);

    protected sealed override bool ReceiveCommand(object message) => _commands.TryHandle(message);

    protected sealed override bool ReceiveRecover(object message) => _recovery.TryHandle(message);

    internal override void AfterConstruction()
    {
        _configuringCommands = null;
        _configuring = false;
    }

    private MessageHandlers ConfigureCommands(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuringCommands;
        var handlers = new MessageHandlers();
        _configuringCommands = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuringCommands = previous;
        }

        return handlers;
    }

    private MessageHandlers Commands() =>
        _configuringCommands ?? throw new InvalidOperationException(
            "Command handlers can only be registered in the constructor or inside Become(Action)/BecomeStacked(Action).");

    private MessageHandlers RecoveryHandlers() =>
        _configuring ? _recovery : throw new InvalidOperationException("Recovery handlers can only be registered in the constructor.");
}
