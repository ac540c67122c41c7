using Akka.Actor;
using Akka.Persistence;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's SnapshotStoreSaveSnapshotSpec (3 cases): bursts of saves at one sequence number leave
/// the last one stored, with or without events before them.
/// </summary>
public abstract class SaveSnapshotContractTests(TestDatabase database) : LedgerTestKit(database)
{
    private const int Iterations = 200;
    private static int s_pidCounter;

    [Fact]
    public async Task SaveSnapshot_RapidBurstWithoutPersist_RecoveryOffersTheLast()
    {
        for (var i = 0; i < Iterations; i++)
        {
            var pid = NextPid();
            var ledger = await StartLedgerAsync(pid);

            await SaveBurstAsync(ledger);
            await StopAsync(ledger);
            StartLedger(pid);

            var offered = await Probe.ExpectMsgAsync<SnapshotOffered>(hint: $"iteration {i}");
            Assert.Equal("d", offered.State.Label);
            await Probe.ExpectMsgAsync<Recovered>();
        }
    }

    [Fact]
    public async Task SaveSnapshot_RapidBurstAfterPersist_RecoveryOffersTheLast()
    {
        for (var i = 0; i < Iterations; i++)
        {
            var pid = NextPid();
            var ledger = await StartLedgerAsync(pid);
            ledger.Tell(new Add("x", 1m), Probe.Ref);
            ledger.Tell(new Add("y", 2m), Probe.Ref);
            await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 1);
            await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 2);

            await SaveBurstAsync(ledger);
            await StopAsync(ledger);
            StartLedger(pid);

            var offered = await Probe.ExpectMsgAsync<SnapshotOffered>(hint: $"iteration {i}");
            Assert.Equal(new LedgerState(3m, 2, "d"), offered.State);
            Assert.Equal(2, offered.SequenceNr);
            await Probe.ExpectMsgAsync<Recovered>(r => r == new Recovered(new LedgerState(3m, 2, "d"), 2));
        }
    }

    [Fact]
    public async Task SaveSnapshot_TwiceAtSameSequenceNr_BothSucceedWithTheNewerTimestamp()
    {
        var ledger = await StartLedgerAsync(NextPid());
        for (var n = 1; n <= 3; n++)
        {
            ledger.Tell(new Add($"e{n}", n), Probe.Ref);
            await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == n);
        }

        ledger.Tell(new Snap("first"));
        var first = await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        ledger.Tell(new Snap("second"));
        var second = await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();

        Assert.Equal(3, first.Metadata.SequenceNr);
        Assert.Equal(3, second.Metadata.SequenceNr);
        Assert.True(second.Metadata.Timestamp > first.Metadata.Timestamp, $"{second.Metadata.Timestamp:O} is not after {first.Metadata.Timestamp:O}");
    }

    private static string NextPid() => $"save-{Interlocked.Increment(ref s_pidCounter)}";

    private async Task SaveBurstAsync(IActorRef ledger)
    {
        foreach (var label in new[] { "a", "b", "c", "d" })
        {
            ledger.Tell(new Snap(label));
        }

        for (var i = 0; i < 4; i++)
        {
            await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        }
    }
}
