using FundingArb.Kernel.Internal;

namespace FundingArb.Kernel;

/// <summary>Ask: send a message and await the reply as a task.</summary>
public static class Futures
{
    /// <summary>
    /// Sends <paramref name="message"/> with a temporary reference as sender and returns the first reply.
    /// A <see cref="Status.Failure"/> reply faults the task with its cause; no reply within
    /// <paramref name="timeout"/> (the system's ask-timeout when null) throws <see cref="AskTimeoutException"/>.
    /// </summary>
    public static Task<object?> Ask(this ICanTell self, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(message);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<object?>(cancellationToken);
        }

        var system = SystemOf(self);
        var promise = new PromiseActorRef(system);
        var limit = timeout ?? system.Settings.AskTimeout;
        ICancelable? timer = null;
        if (limit != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, nameof(timeout));
            timer = system.Scheduler.ScheduleOnce(limit, () => promise.Fail(
                new AskTimeoutException($"Ask timed out on [{self}] after {limit.TotalMilliseconds} ms. Message: {message.GetType().Name}")));
        }

        var registration = cancellationToken.CanBeCanceled
            ? cancellationToken.Register(static s => { var (p, t) = ((PromiseActorRef, CancellationToken))s!; p.Cancel(t); }, (promise, cancellationToken))
            : default;
        promise.Task.ContinueWith(
            static (_, s) => { var (t, r) = ((ICancelable?, CancellationTokenRegistration))s!; t?.Cancel(); r.Dispose(); },
            (timer, registration),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        self.Tell(message, promise);
        return promise.Task;
    }

    /// <summary>
    /// Like <see cref="Ask(ICanTell, object, TimeSpan?, CancellationToken)"/>, casting the reply to
    /// <typeparamref name="T"/>; a reply of another type throws <see cref="ArgumentException"/>, as in Akka.
    /// </summary>
    public static async Task<T> Ask<T>(this ICanTell self, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await Ask(self, message, timeout, cancellationToken).ConfigureAwait(false);
        return reply switch
        {
            T typed => typed,
            null => default!,
            _ => throw new ArgumentException($"Ask expected a reply of type {typeof(T).Name} but received {reply.GetType().Name}: {reply}"),
        };
    }

    /// <summary>
    /// Watches <paramref name="target"/>, sends it <paramref name="stopMessage"/> (PoisonPill when null) and
    /// completes with true once it has stopped, or false when it did not stop within <paramref name="timeout"/>.
    /// </summary>
    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object? stopMessage = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target is not IInternalActorRef internalRef)
        {
            throw new ArgumentException($"GracefulStop needs a reference of this process, not {target.GetType().Name}.", nameof(target));
        }

        var system = SystemOf(target);
        var watcher = new PromiseActorRef(system);
        internalRef.SendSystemMessage(new Watch(internalRef, watcher));
        target.Tell(stopMessage ?? PoisonPill.Instance, ActorRefs.NoSender);
        var timer = system.Scheduler.ScheduleOnce(timeout, () => watcher.Fail(new AskTimeoutException($"{target} did not stop within {timeout}.")));
        try
        {
            await watcher.Task.ConfigureAwait(false);
            return true;
        }
        catch (AskTimeoutException)
        {
            internalRef.SendSystemMessage(new Unwatch(internalRef, watcher));
            return false;
        }
        finally
        {
            timer.Cancel();
        }
    }

    private static ActorSystem SystemOf(ICanTell target) => target switch
    {
        LocalActorRef local => local.Cell.System,
        PromiseActorRef promise => promise.System,
        DeadLetterActorRef deadLetters => deadLetters.System,
        _ => throw new ArgumentException($"Ask and GracefulStop need a reference to an actor of a local system, not {target}.", nameof(target)),
    };

}
