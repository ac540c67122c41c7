using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Snapshot;

namespace FundingArb.Actors.Simulation;

/// Wraps a snapshot store for simulations as SimulationJournal wraps the journal: synchronous answers, and
/// disposing the wrapper (when an actor system terminates) leaves the store open for the next one.
public sealed class SimulationSnapshotStore(SnapshotStore store) : SnapshotStore
{
    public override Task<SelectedSnapshot?> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken) =>
        Task.FromResult(store.LoadAsync(persistenceId, criteria, cancellationToken).GetAwaiter().GetResult());

    public override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        store.SaveAsync(metadata, snapshot, cancellationToken).GetAwaiter().GetResult();
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        store.DeleteAsync(metadata, cancellationToken).GetAwaiter().GetResult();
        return Task.CompletedTask;
    }

    public override Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        store.DeleteAsync(persistenceId, criteria, cancellationToken).GetAwaiter().GetResult();
        return Task.CompletedTask;
    }
}
