using Akka.Actor;
using Akka.Persistence;
using FundingArb.Persistence.Sql.Journal;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Actors;

/// <summary>Persistent actors on each store: long recoveries, snapshots, deletes, two writers for one id, a corrupt row.</summary>
public abstract class PersistentActorContractTests(TestDatabase database) : LedgerTestKit(database)
{
    private static int s_pidCounter;

    [Fact]
    public async Task Recovery_TenThousandEventsWithSnapshotHalfway_RestoresSnapshotThenLaterEvents()
    {
        var pid = NextPid();
        var ledger = await StartLedgerAsync(pid);
        await AddManyAsync(ledger, 5_000);
        ledger.Tell(new Snap("half"));
        await Probe.ExpectMsgAsync<SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 5_000);
        await AddManyAsync(ledger, 10_000);
        await StopAsync(ledger);

        StartLedger(pid);

        var offered = await Probe.ExpectMsgAsync<SnapshotOffered>();
        Assert.Equal(5_000, offered.SequenceNr);
        Assert.Equal(new LedgerState(5_000 * 0.01m, 5_000, "half"), offered.State);
        var recovered = await Probe.ExpectMsgAsync<Recovered>(TimeSpan.FromSeconds(30));
        Assert.Equal(10_000, recovered.LastSequenceNr);
        Assert.Equal(100m, recovered.State.Total);
        Assert.Equal(10_000, recovered.State.Count);
    }

    [Fact]
    public async Task Recovery_TenThousandEvents_ReplaysEveryEventInOrder()
    {
        var pid = NextPid();
        var ledger = await StartLedgerAsync(pid);
        await AddManyAsync(ledger, 10_000);
        await StopAsync(ledger);

        StartLedger(pid);

        var recovered = await Probe.ExpectMsgAsync<Recovered>(TimeSpan.FromSeconds(30));
        Assert.Equal(new LedgerState(100m, 10_000, "e-100"), recovered.State);
        Assert.Equal(10_000, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task DeleteMessages_All_KeepsHighestSequenceNrAcrossRestart()
    {
        var pid = NextPid();
        var ledger = await StartLedgerAsync(pid);
        await AddManyAsync(ledger, 300);
        ledger.Tell(new Delete(long.MaxValue));
        await Probe.ExpectMsgAsync<DeleteMessagesSuccess>(d => d.ToSequenceNr == 300);
        await StopAsync(ledger);

        ledger = StartLedger(pid);
        await Probe.ExpectMsgAsync<Recovered>(r => r == new Recovered(new LedgerState(0, 0, ""), 300));
        ledger.Tell(new Add("after", 1m), Probe.Ref);

        await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 301);
    }

    [Fact]
    public async Task DeleteMessages_UpToSnapshot_RecoversFromSnapshotAndLaterEvents()
    {
        var pid = NextPid();
        var ledger = await StartLedgerAsync(pid);
        await AddManyAsync(ledger, 200);
        ledger.Tell(new Snap("snap"));
        await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        ledger.Tell(new Delete(200));
        await Probe.ExpectMsgAsync<DeleteMessagesSuccess>(d => d.ToSequenceNr == 200);
        await AddManyAsync(ledger, 300);
        await StopAsync(ledger);

        StartLedger(pid);

        await Probe.ExpectMsgAsync<SnapshotOffered>(o => o.SequenceNr == 200);
        await Probe.ExpectMsgAsync<Recovered>(r => r == new Recovered(new LedgerState(3m, 300, "e-100"), 300));
    }

    [Fact]
    public async Task Persist_SecondIncarnationWritingTheSameSequenceNr_FailsAndStops()
    {
        var pid = NextPid();
        var first = await StartLedgerAsync(pid);
        var second = await StartLedgerAsync(pid);
        Watch(second);
        first.Tell(new Add("first", 1m), Probe.Ref);
        await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 1);

        second.Tell(new Add("second", 2m), Probe.Ref);

        var failed = await Probe.ExpectMsgAsync<PersistFailed>();
        Assert.IsType<JournalConcurrencyException>(failed.Cause);
        await ExpectTerminatedAsync(second);
        first.Tell(new Add("first-again", 1m), Probe.Ref);
        await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 2);
    }

    [Fact]
    public async Task Recovery_CorruptRow_FailsThatActorNamingTheRowWhileOthersRecover()
    {
        var corrupt = NextPid();
        var healthy = NextPid();
        foreach (var pid in new[] { corrupt, healthy })
        {
            var ledger = await StartLedgerAsync(pid);
            await AddManyAsync(ledger, 300);
            await StopAsync(ledger);
        }

        await Database.ExecuteAsync($"UPDATE journal SET message = CAST('not json' AS {(Database.Provider == "sqlite" ? "BLOB" : "BYTEA")}) WHERE persistence_id = '{corrupt}' AND sequence_number = 150");
        var broken = StartLedger(corrupt);
        Watch(broken);

        var failed = await Probe.ExpectMsgAsync<RecoveryFailed>();
        await ExpectTerminatedAsync(broken);
        var error = Assert.IsType<EventDeserializationException>(failed.Cause);
        Assert.Equal((corrupt, 150L, "test.payload.v1"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains(corrupt, error.Message, StringComparison.Ordinal);
        Assert.Contains("150", error.Message, StringComparison.Ordinal);
        Assert.Contains("test.payload.v1", error.Message, StringComparison.Ordinal);
        StartLedger(healthy);
        Assert.Equal(300, (await Probe.ExpectMsgAsync<Recovered>()).LastSequenceNr);
    }

    private static string NextPid() => $"ledger-{Interlocked.Increment(ref s_pidCounter)}";

    /// <summary>Adds events of 0.01 in atomic writes of 100 until the ledger's sequence number is <paramref name="upTo"/>.</summary>
    private async Task AddManyAsync(IActorRef ledger, long upTo)
    {
        ledger.Tell(new Get(), Probe.Ref);
        var from = (await Probe.ExpectMsgAsync<Recovered>()).LastSequenceNr;
        for (var seq = from; seq < upTo; seq += 100)
        {
            ledger.Tell(new AddMany("e", 100, 0.01m), Probe.Ref);
        }

        for (var seq = from + 100; seq <= upTo; seq += 100)
        {
            await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == seq, TimeSpan.FromSeconds(10));
        }
    }
}
