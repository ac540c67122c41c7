using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.Persistence.Snapshot;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>The kernel's in-memory stores: one journal and one snapshot store shared by every "new" instance.</summary>
public sealed class MemoryTestStores : TestStores
{
    private readonly MemoryJournal _journal = new();
    private readonly MemorySnapshotStore _snapshots = new();

    public override bool SerializesPayloads => false;

    public override AsyncWriteJournal CreateJournal(ILoggingAdapter log) => _journal;

    public override SnapshotStore CreateSnapshotStore() => _snapshots;

    public override ReadJournal CreateReadJournal(TimeProvider timeProvider) =>
        new MemoryReadJournal(_journal, timeProvider, new ReadJournalSettings { RefreshInterval = TimeSpan.FromSeconds(1), PageSize = 50 });

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
