namespace FundingArb.Kernel.Persistence.Snapshot;

/// <summary>The in-memory snapshot store (plugin <c>inmem</c>); shareable across systems like <see cref="Journal.MemoryJournal"/>.</summary>
public sealed class MemorySnapshotStore : SnapshotStore
{
    private readonly Dictionary<string, List<SelectedSnapshot>> _snapshots = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            var youngest = _snapshots.TryGetValue(persistenceId, out var list)
                ? list.Where(s => criteria.IsMatch(s.Metadata)).MaxBy(s => s.Metadata.SequenceNr)
                : null;
            return Task.FromResult(youngest);
        }
    }

    public override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_gate)
        {
            if (!_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list = [];
                _snapshots.Add(metadata.PersistenceId, list);
            }

            list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr);
            list.Add(new SelectedSnapshot(metadata, snapshot));
        }

        return Task.CompletedTask;
    }

    public override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        lock (_gate)
        {
            if (_snapshots.TryGetValue(metadata.PersistenceId, out var list))
            {
                list.RemoveAll(s => s.Metadata.SequenceNr == metadata.SequenceNr
                    && (metadata.Timestamp == DateTime.MinValue || s.Metadata.Timestamp <= metadata.Timestamp));
            }
        }

        return Task.CompletedTask;
    }

    public override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        lock (_gate)
        {
            if (_snapshots.TryGetValue(persistenceId, out var list))
            {
                list.RemoveAll(s => criteria.IsMatch(s.Metadata));
            }
        }

        return Task.CompletedTask;
    }
}
