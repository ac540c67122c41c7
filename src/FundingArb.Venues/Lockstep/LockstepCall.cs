namespace FundingArb.Venues.Lockstep;

/// One IVenue request through the lockstep: sent when Settle starts it, answered to the node when Settle releases it.
internal sealed class LockstepCall<T>(WireLockstep lockstep, Func<ValueTask<T>> send) : LockstepSource
{
    // Continuations of the node's task run where Release completes it: on the runner's thread, in the lockstep's order.
    private readonly TaskCompletionSource<T> _answer = new();
    private Task<T>? _sent;
    private LockstepFlow? _flow;
    private bool _back;
    private bool _released;

    public ValueTask<T> Answer => new(_answer.Task);

    public override bool HasReady => _back && !_released;

    public override bool IsDone => _released;

    public override void Start(LockstepFlow flow)
    {
        Task<T> sent;
        try
        {
            sent = send().AsTask();
        }
#pragma warning disable CA1031 // Not swallowed: the failure is the call's answer, handed to the node like any other.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            sent = Task.FromException<T>(failure);
        }

        _sent = sent;
        _flow = flow;
        sent.ContinueWith(static (_, state) => ((LockstepCall<T>)state!).Back(), this, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    public override void Release()
    {
        _released = true;
        var sent = _sent!;
        if (sent.IsCompletedSuccessfully)
        {
            _answer.SetResult(sent.Result);
        }
        else if (sent.IsCanceled)
        {
            _answer.SetCanceled();
        }
        else
        {
            _answer.SetException(sent.Exception!.InnerExceptions);
        }
    }

    private void Back() => lockstep.Change(() =>
    {
        _back = true;
        lockstep.EndFlowLocked(_flow!);
    });
}
