using System.Diagnostics;
using FundingArb.Actors.Orders;
using FundingArb.Benchmarks.Quick;

namespace FundingArb.Benchmarks.Actors;

/// <summary>
/// The actors' figures in one pass, each on the node as FundingArbNode starts it (Akka's default dispatcher on the
/// thread pool, simulated venues with zero latency, virtual time moved only by the figure): decision latency (entries
/// from CreateExecutor and from a scan, exits from a funding update, the latter with the in-memory and the SQLite
/// journal) against the same venue calls made directly (samples alternate), and the same paths on one thread (a
/// simulation's queue); a funding cycle over 1,000 open pairs and the heap around it; a node restart recovering
/// 1,000 executors x 200 events against reading the same events without actors (rounds alternate); and the 30-day
/// scenario, run for fewer days and extrapolated unless <c>--full</c> is given
/// (<c>./build.sh bench --quick actors --full</c>).
/// </summary>
internal sealed class ActorsQuickBenchmark : IQuickBenchmark
{
    private const int QuickDays = 2;
    private const int MonthDays = 30;
    private const int RecoveryRounds = 3;
    private const int WarmupSamples = 300;

    // Each SQLite sample opens and closes a pair first, a dozen commits with an fsync each: fewer samples keep the
    // area within its minute.
    private const int SqliteWarmup = 50;
    private const int SqliteSamples = 300;

    private static readonly TimeSpan s_warmupTime = TimeSpan.FromSeconds(12);

    public string Area => "actors";

    public IEnumerable<QuickFigure> Run()
    {
        // Untimed rounds first: in a fresh process the tiered JIT recompiles the paths' methods (dynamic PGO) on a
        // background thread for several seconds. Round after round of 500 samples in one process, the create path went
        // 468, 444, 182, 141, then 110-150 us from 10 s on, and the update path 204, 150, 109, 83, then 50-65 us from
        // 12 s on: the steady state of a node that has run for a while, which is what the figures are about.
        var warming = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warming) < s_warmupTime)
        {
            DecisionLatencyScenario.FromCreateExecutorAsync(warmup: 0, samples: WarmupSamples).GetAwaiter().GetResult();
            DecisionLatencyScenario.FromFundingUpdateAsync(warmup: 0, samples: WarmupSamples, JournalKind.InMemory).GetAwaiter().GetResult();
        }

        var (create, direct) = DecisionLatencyScenario.FromCreateExecutorAsync(warmup: 200, samples: 1_000).GetAwaiter().GetResult();
        Array.Sort(create);
        Array.Sort(direct);
        yield return new QuickFigure("decision: direct venue calls, median (baseline)", Samples.Median(direct), "us");
        yield return new QuickFigure("decision: CreateExecutor -> both PlaceOrderAsync, median", Samples.Median(create), "us", Samples.Median(create) / Samples.Median(direct), "< 100 us");
        yield return new QuickFigure("decision: CreateExecutor -> both PlaceOrderAsync, p99", P99(create), "us", Target: "< 1000 us");

        var (market, _) = DecisionLatencyScenario.FromCreateExecutorAsync(warmup: 200, samples: 1_000, ExecutionMode.MarketOnly).GetAwaiter().GetResult();
        Array.Sort(market);
        yield return new QuickFigure("decision: the same path in market-only mode, median", Samples.Median(market), "us");
        yield return new QuickFigure("decision: the same path in market-only mode, p99", P99(market), "us");

        var oneThread = DecisionLatencyScenario.FromCreateExecutorOneThread(warmup: 200, samples: 1_000);
        Array.Sort(oneThread);
        yield return new QuickFigure("decision: the same path on one thread, median", Samples.Median(oneThread), "us", Samples.Median(oneThread) / Samples.Median(direct));

        var scan = DecisionLatencyScenario.FromScanAsync(warmup: 200, samples: 1_000).GetAwaiter().GetResult();
        Array.Sort(scan);
        yield return new QuickFigure("decision: scan tick -> both PlaceOrderAsync, median", Samples.Median(scan), "us", Samples.Median(scan) / Samples.Median(direct), "< 100 us");
        yield return new QuickFigure("decision: scan tick -> both PlaceOrderAsync, p99", P99(scan), "us", Target: "< 1000 us");

        var (update, directExit, updateAfterWrite) = DecisionLatencyScenario.FromFundingUpdateAsync(warmup: 200, samples: 1_000, JournalKind.InMemory)
            .GetAwaiter().GetResult();
        Array.Sort(update);
        Array.Sort(directExit);
        yield return new QuickFigure("decision: direct exit venue calls, median (baseline)", Samples.Median(directExit), "us");
        yield return new QuickFigure("decision: funding update -> both close PlaceOrderAsync, median", Samples.Median(update), "us",
            Samples.Median(update) / Samples.Median(directExit), "< 100 us");
        yield return new QuickFigure("decision: funding update -> both close PlaceOrderAsync, p99", P99(update), "us", Target: "< 1000 us");
        yield return new QuickFigure("  of which: exit write taken -> both orders, median", Samples.Median(updateAfterWrite), "us");

        var updateOneThread = DecisionLatencyScenario.FromFundingUpdateOneThread(warmup: 200, samples: 1_000);
        Array.Sort(updateOneThread);
        yield return new QuickFigure("decision: the funding-update path on one thread, median", Samples.Median(updateOneThread), "us",
            Samples.Median(updateOneThread) / Samples.Median(directExit));

        var (onSqlite, directSqlite, sqliteAfterWrite) = DecisionLatencyScenario.FromFundingUpdateAsync(SqliteWarmup, SqliteSamples, JournalKind.Sqlite)
            .GetAwaiter().GetResult();
        Array.Sort(onSqlite);
        Array.Sort(directSqlite);
        yield return new QuickFigure("decision: direct exit venue calls beside SQLite, median (baseline)", Samples.Median(directSqlite), "us");
        yield return new QuickFigure("decision: funding update -> both close orders, SQLite, median", Samples.Median(onSqlite), "us",
            Samples.Median(onSqlite) / Samples.Median(directSqlite));
        yield return new QuickFigure("decision: funding update -> both close orders, SQLite, p99", P99(onSqlite), "us");
        yield return new QuickFigure("  of which: exit write taken -> both orders, median", Samples.Median(sqliteAfterWrite), "us");

        var cycles = FundingCycleScenario.RunAsync(cycles: 6).GetAwaiter().GetResult();
        var times = cycles.CycleMilliseconds.Skip(1).Order().ToArray();
        yield return new QuickFigure("funding cycle, 1,000 pairs (2,000 payments), median", Samples.Median(times), "ms", Target: "< 50 ms");
        yield return new QuickFigure("funding cycle, 1,000 pairs, slowest of 5", times[^1], "ms");
        yield return new QuickFigure("  until orchestrator and risk gate took every report, median", Samples.Median(cycles.CaughtUpMilliseconds.Skip(1).ToArray()), "ms");
        yield return new QuickFigure("heap per open pair (node and venues)", (cycles.HeapWithPairs - cycles.HeapBeforePairs) / 1_000.0 / FundingCycleScenario.Pairs, "KB");
        yield return new QuickFigure("heap with 1,000 open pairs", cycles.HeapWithPairs / 1_048_576.0, "MB");
        yield return new QuickFigure("heap after 6 funding cycles", cycles.HeapAfterCycles / 1_048_576.0, "MB", Target: "steady");

        var seeded = ExecutorRecoveryScenario.Seed();
        ExecutorRecoveryScenario.RecoverAsync(seeded).GetAwaiter().GetResult();
        var recoveries = new List<double>();
        var reads = new List<double>();
        var folds = new List<double>();
        for (var round = 0; round < RecoveryRounds; round++)
        {
            recoveries.Add(ExecutorRecoveryScenario.RecoverAsync(seeded).GetAwaiter().GetResult());
            reads.Add(Read(seeded, fold: false));
            folds.Add(Read(seeded, fold: true));
        }

        seeded.Unregister();

        yield return new QuickFigure("journal read, 1,000 x 200 events, no actors (baseline)", Samples.Median(reads), "ms");
        yield return new QuickFigure("journal read and fold into PairState, no actors", Samples.Median(folds), "ms");
        yield return new QuickFigure("node restart, 1,000 executors x 200 events", Samples.Median(recoveries), "ms", Samples.Median(recoveries) / Samples.Median(reads), "< 2000 ms");

        var full = Environment.GetCommandLineArgs().Contains("--full");
        var days = full ? MonthDays : QuickDays;
        var (elapsed, result) = MonthScenario.Run(days);
        yield return new QuickFigure($"scenario, 3 venues x 10 assets, {days} d run", elapsed.TotalSeconds, "s");
        yield return new QuickFigure($"  pairs entered in {days} d", result.Executors.Length, "pairs");
        yield return new QuickFigure($"  journal events in {days} d", result.JournalEvents, "events");
        if (!full)
        {
            yield return new QuickFigure($"scenario, 30 d extrapolated from {days} d (x{MonthDays / days})", elapsed.TotalSeconds * MonthDays / days, "s",
                Target: "< 60 s");
        }
        else
        {
            yield return new QuickFigure("scenario, 30 d", elapsed.TotalSeconds, "s", Target: "< 60 s");
        }
    }

    private static double P99(double[] sorted) => sorted[(int)(sorted.Length * 0.99)];

    private static double Read(CountingJournal seeded, bool fold)
    {
        var (milliseconds, events) = ExecutorRecoveryScenario.Read(seeded, fold);
        const long Expected = ExecutorRecoveryScenario.Executors * (ExecutorRecoveryScenario.EventsPerExecutor + 1);
        return events == Expected ? milliseconds : throw new InvalidOperationException($"read {events} events, expected {Expected}");
    }
}
