using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// An actor whose behaviour is a list of typed handlers registered in its constructor (or in a
/// <c>Become(Action)</c>); the first handler that matches a message wins, and a message none matches is unhandled.
/// </summary>
public abstract class ReceiveActor : UntypedActor
{
    private readonly MessageHandlers _initial = new();
    private MessageHandlers? _configuring;

    protected ReceiveActor()
    {
        _configuring = _initial;
    }

    /// <summary>Handles every <typeparamref name="T"/>.</summary>
    protected void Receive<T>(Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<T>(null, m => { handler(m); return true; }));
    }

    /// <summary>Handles every <typeparamref name="T"/> for which <paramref name="shouldHandle"/> is true.</summary>
    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler)
    {
        ArgumentNullException.ThrowIfNull(shouldHandle);
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<T>(shouldHandle, m => { handler(m); return true; }));
    }

    /// <summary>Offers every <typeparamref name="T"/> to <paramref name="handler"/>, which returns whether it handled it.</summary>
    protected void Receive<T>(Func<T, bool> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<T>(null, handler));
    }

    /// <summary>
    /// Handles every <typeparamref name="T"/> asynchronously: no other message is handled until the task
    /// completes, and code after an <c>await</c> runs as a turn of this actor.
    /// </summary>
    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<T>(shouldHandle, m => { RunTask(() => handler(m)); return true; }));
    }

    /// <summary>Handles any message; must be registered last.</summary>
    protected void ReceiveAny(Action<object> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<object>(null, m => { handler(m); return true; }));
        _configuring!.Complete();
    }

    /// <summary>Handles any message asynchronously; must be registered last.</summary>
    protected void ReceiveAnyAsync(Func<object, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Configuring().Add(new MessageHandler<object>(null, m => { RunTask(() => handler(m)); return true; }));
        _configuring!.Complete();
    }

    /// <summary>Replaces the behaviour with the handlers that <paramref name="configure"/> registers.</summary>
    protected void Become(Action configure) => Become(Configure(configure).TryHandle);

    /// <summary>Pushes the handlers that <paramref name="configure"/> registers as the new behaviour.</summary>
    protected void BecomeStacked(Action configure) => BecomeStacked(Configure(configure).TryHandle);

    protected sealed override void OnReceive(object message)
    {
        if (!_initial.TryHandle(message))
        {
            Unhandled(message);
        }
    }

    internal override void AfterConstruction() => _configuring = null;

    private MessageHandlers Configure(Action configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var previous = _configuring;
        var handlers = new MessageHandlers();
        _configuring = handlers;
        try
        {
            configure();
        }
        finally
        {
            _configuring = previous;
        }

        return handlers;
    }

    private MessageHandlers Configuring() =>
        _configuring ?? throw new InvalidOperationException(
            "Handlers can only be registered in the constructor or inside Become(Action)/BecomeStacked(Action).");
}
