using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Actors;

/// <summary>Persistent actors on each store: long recoveries, snapshots, deletes and two writers for one id.</summary>
public abstract class PersistentActorContractTests : TestKit, IAsyncLifetime
{
    private const string JournalId = "actor-journal";
    private const string SnapshotsId = "actor-snapshots";
    private static int s_pidCounter;

    private readonly TestStores _stores;
    private readonly TestProbe _probe;

    protected PersistentActorContractTests()
    {
        _stores = CreateStores();
        _probe = CreateTestProbe();
    }

    public Task InitializeAsync()
    {
        PersistenceExtension.Get(Sys).RegisterJournal(JournalId, () => _stores.CreateJournal(Sys.Log));
        PersistenceExtension.Get(Sys).RegisterSnapshotStore(SnapshotsId, _stores.CreateSnapshotStore);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _stores.DisposeAsync();
    }

    protected abstract TestStores CreateStores();

    [Fact]
    public async Task Recovery_TenThousandEventsWithSnapshotHalfway_RestoresSnapshotThenLaterEvents()
    {
        var pid = NextPid();
        var ledger = await StartAsync(pid);
        await AddManyAsync(ledger, 5_000);
        ledger.Tell(new Snap("half"));
        await _probe.ExpectMsgAsync<SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 5_000);
        await AddManyAsync(ledger, 10_000);
        await StopAsync(ledger);

        Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));

        var offered = await _probe.ExpectMsgAsync<SnapshotOffered>();
        Assert.Equal(5_000, offered.SequenceNr);
        Assert.Equal(new LedgerState(5_000 * 0.01m, 5_000, "half"), offered.State);
        var recovered = await _probe.ExpectMsgAsync<Recovered>(TimeSpan.FromSeconds(30));
        Assert.Equal(10_000, recovered.LastSequenceNr);
        Assert.Equal(100m, recovered.State.Total);
        Assert.Equal(10_000, recovered.State.Count);
    }

    [Fact]
    public async Task Recovery_TenThousandEvents_ReplaysEveryEventInOrder()
    {
        var pid = NextPid();
        var ledger = await StartAsync(pid);
        await AddManyAsync(ledger, 10_000);
        await StopAsync(ledger);

        Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));

        var recovered = await _probe.ExpectMsgAsync<Recovered>(TimeSpan.FromSeconds(30));
        Assert.Equal(new LedgerState(100m, 10_000, "e-100"), recovered.State);
        Assert.Equal(10_000, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task DeleteMessages_All_KeepsHighestSequenceNrAcrossRestart()
    {
        var pid = NextPid();
        var ledger = await StartAsync(pid);
        await AddManyAsync(ledger, 300);
        ledger.Tell(new Delete(long.MaxValue));
        await _probe.ExpectMsgAsync(new DeleteMessagesSuccess(300));
        await StopAsync(ledger);

        ledger = Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));
        await _probe.ExpectMsgAsync(new Recovered(new LedgerState(0, 0, ""), 300));
        ledger.Tell(new Add("after", 1m), _probe.Ref);

        await _probe.ExpectMsgAsync(new Added(301));
    }

    [Fact]
    public async Task DeleteMessages_UpToSnapshot_RecoversFromSnapshotAndLaterEvents()
    {
        var pid = NextPid();
        var ledger = await StartAsync(pid);
        await AddManyAsync(ledger, 200);
        ledger.Tell(new Snap("snap"));
        await _probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        ledger.Tell(new Delete(200));
        await _probe.ExpectMsgAsync(new DeleteMessagesSuccess(200));
        await AddManyAsync(ledger, 300);
        await StopAsync(ledger);

        Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));

        await _probe.ExpectMsgAsync<SnapshotOffered>(o => o.SequenceNr == 200);
        await _probe.ExpectMsgAsync(new Recovered(new LedgerState(3m, 300, "e-100"), 300));
    }

    [Fact]
    public async Task Persist_SecondIncarnationWritingTheSameSequenceNr_FailsAndStops()
    {
        var pid = NextPid();
        var first = await StartAsync(pid);
        var second = await StartAsync(pid);
        Watch(second);
        first.Tell(new Add("first", 1m), _probe.Ref);
        await _probe.ExpectMsgAsync(new Added(1));

        second.Tell(new Add("second", 2m), _probe.Ref);

        var failed = await _probe.ExpectMsgAsync<PersistFailed>();
        Assert.IsType<JournalConcurrencyException>(failed.Cause);
        await ExpectTerminatedAsync(second);
        first.Tell(new Add("first-again", 1m), _probe.Ref);
        await _probe.ExpectMsgAsync(new Added(2));
    }

    private static string NextPid() => $"ledger-{Interlocked.Increment(ref s_pidCounter)}";

    private async Task<IActorRef> StartAsync(string pid)
    {
        var ledger = Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));
        await _probe.ExpectMsgAsync<Recovered>();
        return ledger;
    }

    /// <summary>Adds events of 0.01 in atomic writes of 100 until the ledger's sequence number is <paramref name="upTo"/>.</summary>
    private async Task AddManyAsync(IActorRef ledger, long upTo)
    {
        ledger.Tell(new Get(), _probe.Ref);
        var from = (await _probe.ExpectMsgAsync<Recovered>()).LastSequenceNr;
        for (var seq = from; seq < upTo; seq += 100)
        {
            ledger.Tell(new AddMany("e", 100, 0.01m), _probe.Ref);
        }

        for (var seq = from + 100; seq <= upTo; seq += 100)
        {
            await _probe.ExpectMsgAsync(new Added(seq), TimeSpan.FromSeconds(10));
        }
    }

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }
}
