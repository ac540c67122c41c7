using Akka.Actor;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Venues;

/// Pipes a venue request's outcome to an actor as a message, without awaiting in the actor (its mailbox keeps
/// running while the request is in flight). A VenueException becomes the failure message; anything else is a bug
/// in the connector and is delivered as Status.Failure so the receiver crashes and its supervisor decides.
internal static class VenueCall
{
    public static void PipeTo<T>(ValueTask<T> call, IActorRef recipient, Func<T, object> success, Func<VenueException, object> failure)
    {
        if (call.IsCompleted)
        {
            recipient.Tell(Outcome(call.AsTask(), success, failure), ActorRefs.NoSender);
            return;
        }

        _ = call.AsTask().ContinueWith(
            t => recipient.Tell(Outcome(t, success, failure), ActorRefs.NoSender),
            CancellationToken.None, TaskContinuationOptions.None, InlineTaskScheduler.Instance);
    }

    /// Two requests sent together, one message when both have answered: the success of both, or the first failure.
    public static void PipeTo<T1, T2>(ValueTask<T1> first, ValueTask<T2> second, IActorRef recipient, Func<T1, T2, object> success,
        Func<VenueException, object> failure)
    {
        if (first.IsCompleted && second.IsCompleted)
        {
            recipient.Tell(Outcome(first.AsTask(), second.AsTask(), success, failure), ActorRefs.NoSender);
            return;
        }

        // Chained on the inline scheduler rather than Task.WhenAll, whose completion may run on the thread pool: on a
        // virtual clock the answer must reach the mailbox inside the Advance that completed the later request.
        var (firstTask, secondTask) = (first.AsTask(), second.AsTask());
        _ = firstTask.ContinueWith(
            _ => secondTask.ContinueWith(
                _ => recipient.Tell(Outcome(firstTask, secondTask, success, failure), ActorRefs.NoSender),
                CancellationToken.None, TaskContinuationOptions.None, InlineTaskScheduler.Instance),
            CancellationToken.None, TaskContinuationOptions.None, InlineTaskScheduler.Instance);
    }

    private static object Outcome<T1, T2>(Task<T1> first, Task<T2> second, Func<T1, T2, object> success, Func<VenueException, object> failure) =>
        first.Status == TaskStatus.RanToCompletion && second.Status == TaskStatus.RanToCompletion
            ? success(first.Result, second.Result)
            : Failure(first.Status == TaskStatus.RanToCompletion ? second : first, failure);

    private static object Outcome<T>(Task<T> task, Func<T, object> success, Func<VenueException, object> failure) =>
        task.Status == TaskStatus.RanToCompletion ? success(task.Result) : Failure(task, failure);

    private static object Failure(Task task, Func<VenueException, object> failure) =>
        task.Status switch
        {
            TaskStatus.Faulted when task.Exception!.InnerException is VenueException error => failure(error),
            TaskStatus.Faulted => new Status.Failure(task.Exception!.InnerException!),
            _ => new Status.Failure(new OperationCanceledException("The venue request was cancelled.")),
        };
}
