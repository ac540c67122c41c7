using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's SnapshotStoreSaveSnapshotSpec (3 cases): bursts of saves at one sequence number leave
/// the last one stored, with or without events before them. The system runs on a virtual clock, so
/// snapshot timestamps move only when the test says.
/// </summary>
public abstract class SaveSnapshotContractTests : LedgerTestKit
{
    private const int Iterations = 200;
    private static int s_pidCounter;

    private readonly VirtualClock _clock;

    protected SaveSnapshotContractTests()
        : this(new VirtualClock())
    {
    }

    private SaveSnapshotContractTests(VirtualClock clock)
        : base(clock)
    {
        _clock = clock;
    }

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
            await Probe.ExpectMsgAsync(new Added(1));
            await Probe.ExpectMsgAsync(new Added(2));

            await SaveBurstAsync(ledger);
            await StopAsync(ledger);
            StartLedger(pid);

            var offered = await Probe.ExpectMsgAsync<SnapshotOffered>(hint: $"iteration {i}");
            Assert.Equal(new LedgerState(3m, 2, "d"), offered.State);
            Assert.Equal(2, offered.SequenceNr);
            await Probe.ExpectMsgAsync(new Recovered(new LedgerState(3m, 2, "d"), 2));
        }
    }

    [Fact]
    public async Task SaveSnapshot_TwiceAtSameSequenceNr_BothSucceedWithTheNewerTimestamp()
    {
        var ledger = await StartLedgerAsync(NextPid());
        for (var n = 1; n <= 3; n++)
        {
            ledger.Tell(new Add($"e{n}", n), Probe.Ref);
            await Probe.ExpectMsgAsync(new Added(n));
        }

        ledger.Tell(new Snap("first"));
        var first = await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        _clock.Advance(TimeSpan.FromSeconds(1));
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
