using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;

namespace FundingArb.Kernel.Tests.Persistence;

/// <summary>
/// A memory journal whose writes the test controls: held until released, failed, or rejected, so the
/// persistent actor's guarantees can be observed one step at a time.
/// </summary>
internal sealed class ControlledJournal : AsyncWriteJournal
{
    private readonly MemoryJournal _inner = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource? _hold;

    public Func<AtomicWrite, Exception?>? Reject { get; set; }

    public Exception? FailWrites { get; set; }

    public int WriteCalls { get; private set; }

    public MemoryJournal Inner => _inner;

    /// <summary>Writes wait from now until <see cref="Release"/>.</summary>
    public void Hold()
    {
        lock (_gate)
        {
            _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release()
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            hold = _hold;
            _hold = null;
        }

        hold?.TrySetResult();
    }

    public override async Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        Task? wait;
        lock (_gate)
        {
            WriteCalls++;
            wait = _hold?.Task;
        }

        if (wait is not null)
        {
            await wait.ConfigureAwait(false);
        }

        if (FailWrites is { } failure)
        {
            throw failure;
        }

        var results = messages.Select(m => Reject?.Invoke(m)).ToList();
        var accepted = messages.Where((_, i) => results[i] is null).ToList();
        await _inner.WriteMessagesAsync(accepted, cancellationToken).ConfigureAwait(false);
        return results.Any(r => r is not null) ? results : null;
    }

    public override Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback, CancellationToken cancellationToken) =>
        _inner.ReplayMessagesAsync(persistenceId, fromSequenceNr, toSequenceNr, max, recoveryCallback, cancellationToken);

    public override Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken) =>
        _inner.ReadHighestSequenceNrAsync(persistenceId, fromSequenceNr, cancellationToken);

    public override Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken) =>
        _inner.DeleteMessagesToAsync(persistenceId, toSequenceNr, cancellationToken);
}
