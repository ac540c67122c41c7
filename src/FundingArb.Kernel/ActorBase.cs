using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>
/// The base of every actor. An instance is built by the kernel from its <see cref="Props"/>, on the actor's
/// own turn, and again on every restart; <c>new</c> outside the kernel throws.
/// </summary>
public abstract class ActorBase
{
    private readonly ActorCell _cell;
    private List<Receive>? _behaviors;
    private SupervisorStrategy? _supervisorStrategy;

    /// <summary>Binds the instance to the cell that is building it.</summary>
    protected ActorBase()
    {
        _cell = ActorCell.Current
            ?? throw new ActorInitializationException($"{GetType().Name} must be created through ActorOf(Props), not with new.");

        // Set here, as Akka.NET does, so the derived constructor can already start timers. A derived auto-property
        // initializer ran before this constructor and cannot overwrite it.
        if (this is IWithTimers withTimers)
        {
            withTimers.Timers = new TimerScheduler(_cell);
        }
    }

    /// <summary>This actor's context: its Self, Sender, children and system.</summary>
    protected IActorContext Context => _cell;

    /// <summary>This actor's own reference.</summary>
    protected IActorRef Self => _cell.Self;

    /// <summary>The sender of the message being handled.</summary>
    protected IActorRef Sender => _cell.Sender;

    internal SupervisorStrategy SupervisorStrategyInternal =>
        _supervisorStrategy ??= _cell.Props.SupervisorStrategy ?? SupervisorStrategy();

    /// <summary>The initial behaviour: handles a message, returning false when it does not.</summary>
    protected internal abstract bool Receive(object message);

    /// <summary>
    /// Called for a message no behaviour handled: a <see cref="Terminated"/> throws
    /// <see cref="DeathPactException"/>; anything else is published as <see cref="UnhandledMessage"/>.
    /// </summary>
    protected virtual void Unhandled(object message)
    {
        if (message is Terminated terminated)
        {
            throw new DeathPactException(terminated.ActorRef);
        }

        _cell.System.EventStream.Publish(new UnhandledMessage(message, Sender, Self));
    }

    /// <summary>Replaces the current behaviour.</summary>
    protected void Become(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        var behaviors = _behaviors ??= [];
        if (behaviors.Count > 0)
        {
            behaviors[^1] = receive;
        }
        else
        {
            behaviors.Add(receive);
        }
    }

    /// <summary>Pushes a behaviour on top of the current one.</summary>
    protected void BecomeStacked(Receive receive)
    {
        ArgumentNullException.ThrowIfNull(receive);
        (_behaviors ??= []).Add(receive);
    }

    /// <summary>Returns to the behaviour below the top one; the initial behaviour stays.</summary>
    protected void UnbecomeStacked()
    {
        if (_behaviors is { Count: > 0 })
        {
            _behaviors.RemoveAt(_behaviors.Count - 1);
        }
    }

    /// <summary>Sends <see cref="ReceiveTimeout"/> after this much inactivity; null turns it off.</summary>
    protected void SetReceiveTimeout(TimeSpan? timeout) => _cell.SetReceiveTimeout(timeout);

    /// <summary>The strategy for this actor's children, used when the Props set none.</summary>
    protected virtual SupervisorStrategy SupervisorStrategy() => Kernel.SupervisorStrategy.DefaultStrategy;

    /// <summary>Runs before the first message, and (by default) after a restart.</summary>
    protected virtual void PreStart()
    {
    }

    /// <summary>Runs after the actor and its children have stopped.</summary>
    protected virtual void PostStop()
    {
    }

    /// <summary>Runs on the failed instance before a restart: by default unwatches and stops every child, then PostStop.</summary>
    protected virtual void PreRestart(Exception reason, object? message)
    {
        foreach (var child in Context.Children)
        {
            Context.Unwatch(child);
            Context.Stop(child);
        }

        PostStop();
    }

    /// <summary>Runs on the new instance after a restart: by default PreStart.</summary>
    protected virtual void PostRestart(Exception reason) => PreStart();

    /// <summary>
    /// Runs an async operation as part of this turn: code after each <c>await</c> runs as a turn of this actor,
    /// and no other message is handled until the task completes. A faulted task fails the actor.
    /// </summary>
    protected void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        _cell.RunTask(action);
    }

    /// <summary>Called once the constructor has returned, before PreStart.</summary>
    internal virtual void AfterConstruction()
    {
    }

    /// <summary>The stash the kernel gives an <see cref="IWithUnboundedStash"/> actor.</summary>
    internal virtual IStash CreateStash(ActorCell cell) => new UnboundedStash(cell, cell.Prepend);

    /// <summary>Called after each turn that continued an async handler, and when its task has finished.</summary>
    internal virtual void AfterAsyncTurn()
    {
    }

    internal virtual void AroundReceive(object message)
    {
        var handled = _behaviors is { Count: > 0 } behaviors ? behaviors[^1](message) : Receive(message);
        if (!handled)
        {
            Unhandled(message);
        }
    }

    internal void BecomeFromContext(Receive receive, bool stacked)
    {
        if (stacked)
        {
            BecomeStacked(receive);
        }
        else
        {
            Become(receive);
        }
    }

    internal void UnbecomeFromContext() => UnbecomeStacked();

    internal virtual void AroundPreStart() => PreStart();

    internal virtual void AroundPreRestart(Exception cause, object? message)
    {
        (this as IWithTimers)?.Timers.CancelAll();
        (this as IWithUnboundedStash)?.Stash.UnstashAll();
        PreRestart(cause, message);
    }

    internal virtual void AroundPostRestart(Exception cause) => PostRestart(cause);

    internal virtual void AroundPostStop()
    {
        (this as IWithTimers)?.Timers.CancelAll();
        (this as IWithUnboundedStash)?.Stash.UnstashAll();
        PostStop();
    }
}
