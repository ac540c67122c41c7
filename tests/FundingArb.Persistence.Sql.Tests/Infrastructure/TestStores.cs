using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.Persistence.Snapshot;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// The stores of one test, all over the same data: every call makes a new store instance, as a process
/// restart would. Disposing removes the data (a temporary SQLite file, a PostgreSQL schema).
/// </summary>
public abstract class TestStores : IAsyncDisposable
{
    /// <summary>The registry every SQL store of the test serialises with.</summary>
    public EventManifestRegistry Registry { get; } = TestRegistry.Create();

    /// <summary>Whether an unregistered event is rejected (SQL) or simply kept (in memory).</summary>
    public abstract bool SerializesPayloads { get; }

    public abstract AsyncWriteJournal CreateJournal(ILoggingAdapter log);

    public abstract SnapshotStore CreateSnapshotStore();

    public abstract ReadJournal CreateReadJournal(TimeProvider timeProvider);

    public abstract ValueTask DisposeAsync();
}
