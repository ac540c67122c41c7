using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's SnapshotStoreSaveSnapshotSpec (3 cases): bursts of saves at one sequence number leave
/// the last one stored, with or without events before them. The system runs on a virtual clock, so
/// snapshot timestamps move only when the test says.
/// </summary>
public abstract class SaveSnapshotContractTests : TestKit, IAsyncLifetime
{
    private const string JournalId = "tck-save-journal";
    private const string SnapshotsId = "tck-save-snapshots";
    private const int Iterations = 200;
    private static int s_pidCounter;

    private readonly TestStores _stores;
    private readonly VirtualClock _clock;
    private readonly TestProbe _probe;

    protected SaveSnapshotContractTests()
        : this(new VirtualClock())
    {
    }

    private SaveSnapshotContractTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
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
    public async Task SaveSnapshot_RapidBurstWithoutPersist_RecoveryOffersTheLast()
    {
        for (var i = 0; i < Iterations; i++)
        {
            var pid = NextPid();
            var ledger = await StartAsync(pid);

            await SaveBurstAsync(ledger);
            await StopAsync(ledger);
            Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));

            var offered = await _probe.ExpectMsgAsync<SnapshotOffered>(hint: $"iteration {i}");
            Assert.Equal("d", offered.State.Label);
            await _probe.ExpectMsgAsync<Recovered>();
        }
    }

    [Fact]
    public async Task SaveSnapshot_RapidBurstAfterPersist_RecoveryOffersTheLast()
    {
        for (var i = 0; i < Iterations; i++)
        {
            var pid = NextPid();
            var ledger = await StartAsync(pid);
            ledger.Tell(new Add("x", 1m), _probe.Ref);
            ledger.Tell(new Add("y", 2m), _probe.Ref);
            await _probe.ExpectMsgAsync(new Added(1));
            await _probe.ExpectMsgAsync(new Added(2));

            await SaveBurstAsync(ledger);
            await StopAsync(ledger);
            Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));

            var offered = await _probe.ExpectMsgAsync<SnapshotOffered>(hint: $"iteration {i}");
            Assert.Equal(new LedgerState(3m, 2, "d"), offered.State);
            Assert.Equal(2, offered.SequenceNr);
            await _probe.ExpectMsgAsync(new Recovered(new LedgerState(3m, 2, "d"), 2));
        }
    }

    [Fact]
    public async Task SaveSnapshot_TwiceAtSameSequenceNr_BothSucceedWithTheNewerTimestamp()
    {
        var ledger = await StartAsync(NextPid());
        for (var n = 1; n <= 3; n++)
        {
            ledger.Tell(new Add($"e{n}", n), _probe.Ref);
            await _probe.ExpectMsgAsync(new Added(n));
        }

        ledger.Tell(new Snap("first"));
        var first = await _probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        _clock.Advance(TimeSpan.FromSeconds(1));
        ledger.Tell(new Snap("second"));
        var second = await _probe.ExpectMsgAsync<SaveSnapshotSuccess>();

        Assert.Equal(3, first.Metadata.SequenceNr);
        Assert.Equal(3, second.Metadata.SequenceNr);
        Assert.True(second.Metadata.Timestamp > first.Metadata.Timestamp, $"{second.Metadata.Timestamp:O} is not after {first.Metadata.Timestamp:O}");
    }

    private static string NextPid() => $"save-{Interlocked.Increment(ref s_pidCounter)}";

    private async Task<IActorRef> StartAsync(string pid)
    {
        var ledger = Sys.ActorOf(Props(pid, _probe.Ref, JournalId, SnapshotsId));
        await _probe.ExpectMsgAsync<Recovered>();
        return ledger;
    }

    private async Task SaveBurstAsync(IActorRef ledger)
    {
        foreach (var label in new[] { "a", "b", "c", "d" })
        {
            ledger.Tell(new Snap(label));
        }

        for (var i = 0; i < 4; i++)
        {
            await _probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        }
    }

    private async Task StopAsync(IActorRef actor)
    {
        Watch(actor);
        Sys.Stop(actor);
        await ExpectTerminatedAsync(actor);
    }
}
