namespace FundingArb.Venues.Lockstep;

// Two sides: a pump on the wire's threads reads the connector's stream inside the stream's flow and queues what comes
// back (under the lockstep's lock); the node's reader, on the runner's thread, sees only what Release has handed over.
// The pump reads the next item only after queueing the last, so a message is owed until its items are queued.

/// One IVenue stream through the lockstep: subscribed at once, its items handed to the node when Settle releases them.
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The stop source lives as long as the stream; the node's reader or its token cancels it, and nothing waits on its handle.")]
internal sealed class LockstepStream<T> : LockstepSource, IAsyncEnumerable<T>
{
    private readonly WireLockstep _lockstep;
    private readonly Func<CancellationToken, IAsyncEnumerable<T>> _open;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _caller;
    private readonly Queue<T> _back = new();
    private bool _ended;
    private Exception? _failure;
    private readonly Queue<T> _handed = new();
    private bool _endHanded;
    private TaskCompletionSource<bool>? _waiting;
    private T _current = default!;

    public LockstepStream(WireLockstep lockstep, Func<CancellationToken, IAsyncEnumerable<T>> open, CancellationToken cancellationToken)
    {
        _lockstep = lockstep;
        _open = open;
        _caller = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cancellationToken.Register(static state => ((LockstepStream<T>)state!).OnCancelled(), this);
    }

    public override bool HasReady => _back.Count > 0 || (_ended && !_endHanded);

    public override bool IsDone => _endHanded;

    public override void Start(LockstepFlow flow) => _ = PumpAsync(flow);

    public override void Release()
    {
        _lockstep.Change(() =>
        {
            while (_back.TryDequeue(out var item))
            {
                _handed.Enqueue(item);
            }

            _endHanded = _ended;
        });
        Answer();
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => new Reader(this);

    private async Task PumpAsync(LockstepFlow flow)
    {
        try
        {
            await foreach (var item in _open(_stop.Token).WithCancellation(_stop.Token).ConfigureAwait(false))
            {
                _lockstep.Change(() => _back.Enqueue(item));
            }

            End(flow, null);
        }
#pragma warning disable CA1031 // Not swallowed: the failure ends the stream the node reads, as the connector's would.
        catch (Exception failure)
#pragma warning restore CA1031
        {
            End(flow, failure);
        }
    }

    private void End(LockstepFlow flow, Exception? failure) => _lockstep.Change(() =>
    {
        _ended = true;
        _failure = failure;
        _lockstep.EndFlowLocked(flow);
    });

    private void OnCancelled()
    {
        _stop.Cancel();
        if (_waiting is { } waiting)
        {
            _waiting = null;
            waiting.SetCanceled(_caller);
        }
    }

    /// Completes the node's waiting read, if any, with what has been handed over.
    private void Answer()
    {
        if (_waiting is not { } waiting || (_handed.Count == 0 && !_endHanded))
        {
            return;
        }

        _waiting = null;
        if (_handed.TryDequeue(out var item))
        {
            _current = item;
            waiting.SetResult(true);
        }
        else if (_failure is { } failure && !_caller.IsCancellationRequested)
        {
            waiting.SetException(failure);
        }
        else
        {
            waiting.SetResult(false);
        }
    }

    private ValueTask<bool> MoveNextAsync()
    {
        if (_handed.TryDequeue(out var item))
        {
            _current = item;
            return ValueTask.FromResult(true);
        }

        if (_caller.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<bool>(_caller);
        }

        if (_endHanded)
        {
            return _failure is { } failure ? ValueTask.FromException<bool>(failure) : ValueTask.FromResult(false);
        }

        _waiting = new TaskCompletionSource<bool>();
        return new ValueTask<bool>(_waiting.Task);
    }

    private sealed class Reader(LockstepStream<T> stream) : IAsyncEnumerator<T>
    {
        public T Current => stream._current;

        public ValueTask<bool> MoveNextAsync() => stream.MoveNextAsync();

        public ValueTask DisposeAsync()
        {
            stream._stop.Cancel();
            return ValueTask.CompletedTask;
        }
    }
}
