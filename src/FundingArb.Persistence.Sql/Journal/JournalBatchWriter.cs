namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// Writes the rows of several pending writes in one transaction, in the order given: all of them are
/// committed, or the method throws and none is. An exception thrown by the commit itself leaves the outcome
/// unknown; the caller treats every exception as a failure of the whole batch.
/// </summary>
internal abstract class JournalBatchWriter : IAsyncDisposable
{
    public abstract Task WriteAsync(IReadOnlyList<PendingWrite> batch, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
