using System.Diagnostics;
using Akka.Actor;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;

namespace FundingArb.Benchmarks.Actors;

// 1,000 pairs (A0..A999, long alpha, short beta) are entered at market through the orchestrator, then the clock is
// moved to each 8 h settlement in turn. Both venues settle every market at once, so each cycle is 2,000 funding
// payments on the user streams, routed by the gateways to their executors, each persisted as PairFundingReceived.
// A cycle is timed from the first settlement leaving a venue's stream to the 2,000th PairFundingReceived taken by
// the journal. The journal counts and drops events (a SQL journal holds none in the node's memory), so the heap
// figures are the node's and the simulated venues' own. The parsed scenario stays alive in PairWorld throughout: when
// it was still alive at the first measurement and freed before the second, the heap per pair read 7 KB low.

/// Funding cycles over 1,000 open pairs: the cycle times (ms) and the managed heap at each stage (bytes).
internal static class FundingCycleScenario
{
    public const int Pairs = 1_000;

    /// CaughtUpMilliseconds: from the same start until the orchestrator and then the risk gate have answered a
    /// question asked once the last event was stored, i.e. until both have taken every report the cycle produced.
    public sealed record Result(double[] CycleMilliseconds, double[] CaughtUpMilliseconds, long HeapBeforePairs, long HeapWithPairs, long HeapAfterCycles,
        long PaymentsPerCycle);

    public static async Task<Result> RunAsync(int cycles)
    {
        var journal = new CountingJournal(keepEvents: false);
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Pairs), PairWorld.Settings(controller: false, ExecutionMode.MarketOnly), journal)
            .ConfigureAwait(false);
        var heapBefore = Heap();

        var opened = journal.WhenWritten<PairOpened>(Pairs);
        for (var i = 0; i < Pairs; i++)
        {
            node.Node.Orchestrator.Tell(PairWorld.Create(i), node.Sink);
        }

        await opened.WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
        await journal.WhenWritten<PairOrderResolved>(2 * Pairs).WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
        var heapWithPairs = Heap();

        const long PaymentsPerCycle = 2 * Pairs;
        var times = new double[cycles];
        var caughtUp = new double[cycles];
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            node.Recorder.ArmFunding();
            var settled = journal.WhenWritten<PairFundingReceived>(PaymentsPerCycle * cycle);
            node.Clock.AdvanceTo(PairWorld.Start + (TimeSpan.FromHours(8) * cycle));
            var end = await settled.WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
            times[cycle - 1] = Stopwatch.GetElapsedTime(node.Recorder.FundingAt, end).TotalMilliseconds;
            await node.Node.Orchestrator.Ask<ExecutorsReport>(GetExecutors.Instance, BenchNode.Deadline).ConfigureAwait(false);
            await node.Node.RiskGate.Ask<RiskStatus>(GetRiskStatus.Instance, BenchNode.Deadline).ConfigureAwait(false);
            caughtUp[cycle - 1] = Stopwatch.GetElapsedTime(node.Recorder.FundingAt).TotalMilliseconds;
        }

        var heapAfter = Heap();
        if (journal.Count<PairFundingReceived>() != PaymentsPerCycle * cycles)
        {
            throw new InvalidOperationException($"expected {PaymentsPerCycle * cycles} funding events, the journal took {journal.Count<PairFundingReceived>()}");
        }

        return new Result(times, caughtUp, heapBefore, heapWithPairs, heapAfter, PaymentsPerCycle);
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
