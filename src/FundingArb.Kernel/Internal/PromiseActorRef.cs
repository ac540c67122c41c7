namespace FundingArb.Kernel.Internal;

/// <summary>
/// A one-shot reference under <c>/temp</c> that completes a task with the first message it receives
/// (a <see cref="Status.Failure"/> faults it) or with the termination of an actor it watches.
/// </summary>
internal sealed class PromiseActorRef : MinimalActorRef
{
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public PromiseActorRef(ActorSystem system)
    {
        System = system;
        Path = system.NextTempPath();
    }

    public ActorSystem System { get; }

    public override ActorPath Path { get; }

    public Task<object?> Task => _completion.Task;

    public override void Tell(object message, IActorRef? sender)
    {
        var completed = message is Status.Failure failure
            ? _completion.TrySetException(failure.Cause)
            : _completion.TrySetResult(message);
        if (!completed)
        {
            // A reply after the first one, or after a timeout or cancellation: nobody awaits it any more.
            System.DeadLetterRef.Publish(message, sender, this);
        }
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification)
        {
            _completion.TrySetResult(new Terminated(notification.Actor, notification.ExistenceConfirmed, notification.AddressTerminated));
        }
    }

    public void Fail(Exception exception) => _completion.TrySetException(exception);

    public void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
