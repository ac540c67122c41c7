using FundingArb.Kernel;
using FundingArb.Kernel.TestKit;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// A TestKit whose system has the test's journal and snapshot store registered, with helpers to start and
/// stop <see cref="LedgerActor"/>s that report to <see cref="Probe"/>.
/// </summary>
public abstract class LedgerTestKit : TestKit, IAsyncLifetime
{
    protected const string JournalId = "ledger-journal";
    protected const string SnapshotsId = "ledger-snapshots";

    protected LedgerTestKit(TimeProvider timeProvider)
        : base(timeProvider)
    {
        Stores = CreateStores();
        Probe = CreateTestProbe();
    }

    protected TestStores Stores { get; }

    protected TestProbe Probe { get; }

    public Task InitializeAsync()
    {
        PersistenceExtension.Get(Sys).RegisterJournal(JournalId, () => Stores.CreateJournal(Sys.Log));
        PersistenceExtension.Get(Sys).RegisterSnapshotStore(SnapshotsId, Stores.CreateSnapshotStore);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await Stores.DisposeAsync();
    }

    protected abstract TestStores CreateStores();

    /// <summary>Starts a ledger and waits until it has recovered.</summary>
    protected async Task<IActorRef> StartLedgerAsync(string persistenceId)
    {
        var ledger = StartLedger(persistenceId);
        await Probe.ExpectMsgAsync<Recovered>();
        return ledger;
    }

    /// <summary>Starts a ledger; its recovery reports arrive at <see cref="Probe"/>.</summary>
    protected IActorRef StartLedger(string persistenceId) => Sys.ActorOf(Props(persistenceId, Probe.Ref, JournalId, SnapshotsId));

    protected async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }
}
