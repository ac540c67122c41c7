using FundingArb.Kernel;
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

    private static object Outcome<T>(Task<T> task, Func<T, object> success, Func<VenueException, object> failure) =>
        task.Status switch
        {
            TaskStatus.RanToCompletion => success(task.Result),
            TaskStatus.Faulted when task.Exception!.InnerException is VenueException error => failure(error),
            TaskStatus.Faulted => new Status.Failure(task.Exception!.InnerException!),
            _ => new Status.Failure(new OperationCanceledException("The venue request was cancelled.")),
        };
}
