namespace FundingArb.Kernel;

/// <summary>PipeTo: the sanctioned way to bring the result of a task back into an actor as a message.</summary>
public static class PipeToSupport
{
    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> its result (mapped by
    /// <paramref name="success"/>) or a <see cref="Status.Failure"/> (mapped by <paramref name="failure"/>).
    /// </summary>
    public static async Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            var result = await task.ConfigureAwait(false);
            recipient.Tell(success is null ? result! : success(result), sender);
        }
        catch (Exception exception)
        {
            recipient.Tell(failure is null ? new Status.Failure(exception) : failure(exception), sender);
        }
    }

    /// <summary>
    /// When <paramref name="task"/> completes, tells <paramref name="recipient"/> <paramref name="success"/>'s
    /// message (<see cref="Status.Success"/> when null) or a <see cref="Status.Failure"/>.
    /// </summary>
    public static async Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        try
        {
            await task.ConfigureAwait(false);
            recipient.Tell(success is null ? new Status.Success(null) : success(), sender);
        }
        catch (Exception exception)
        {
            recipient.Tell(failure is null ? new Status.Failure(exception) : failure(exception), sender);
        }
    }
}
