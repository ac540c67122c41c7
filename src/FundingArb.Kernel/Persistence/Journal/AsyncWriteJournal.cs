namespace FundingArb.Kernel.Persistence.Journal;

/// <summary>
/// The contract a journal store implements (after Akka's AsyncWriteJournal). The kernel's journal actor
/// calls it and speaks the journal protocol to persistent actors.
/// </summary>
public abstract class AsyncWriteJournal : IAsyncDisposable
{
    /// <summary>
    /// Stores each atomic write all-or-nothing; writes of one persistence id are stored in the order given.
    /// Returns null when all were stored, or one entry per atomic write: null for stored, an exception for
    /// a write that was certainly not stored (rejected, e.g. unserializable). A faulted task means some
    /// writes failed or their outcome is unknown: every writer of the batch then stops.
    /// </summary>
    public abstract Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="recoveryCallback"/> for each event of <paramref name="persistenceId"/> from
    /// <paramref name="fromSequenceNr"/> to <paramref name="toSequenceNr"/> (both inclusive), in order, at most
    /// <paramref name="max"/> events. Deleted events may be passed with <c>IsDeleted</c>; the caller skips them.
    /// </summary>
    public abstract Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback, CancellationToken cancellationToken);

    /// <summary>
    /// The highest sequence number ever stored for <paramref name="persistenceId"/>, 0 when none: never lower
    /// after deletes, and waiting for writes of that id still in flight. <paramref name="fromSequenceNr"/> is a hint.
    /// </summary>
    public abstract Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken);

    /// <summary>Deletes the events of <paramref name="persistenceId"/> up to <paramref name="toSequenceNr"/>, inclusive.</summary>
    public abstract Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken);

    /// <summary>Releases the store's resources once the system has stopped.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
