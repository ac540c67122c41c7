namespace FundingArb.Kernel.Persistence.Snapshot;

/// <summary>
/// The contract a snapshot store implements (after Akka's SnapshotStore). Snapshots are keyed by
/// (persistence id, sequence number); saving again at the same key overwrites.
/// </summary>
public abstract class SnapshotStore : IAsyncDisposable
{
    /// <summary>The youngest snapshot matching <paramref name="criteria"/>, or null.</summary>
    public abstract Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken);

    public abstract Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the snapshot at the metadata's (persistence id, sequence number) if its stored timestamp is not
    /// after the metadata's; <see cref="DateTime.MinValue"/> matches any timestamp.
    /// </summary>
    public abstract Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken);

    /// <summary>Deletes every snapshot of <paramref name="persistenceId"/> matching <paramref name="criteria"/>.</summary>
    public abstract Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken);

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
