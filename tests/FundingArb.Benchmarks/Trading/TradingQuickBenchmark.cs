using System.Diagnostics;
using FundingArb.Benchmarks.Quick;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;

namespace FundingArb.Benchmarks.Trading;

/// The trading hot paths timed with a Stopwatch: the median of several timed batches after a warm-up long
/// enough for tiered JIT to reach its optimised code, plus the bytes the thread allocated per operation.
internal sealed class TradingQuickBenchmark : IQuickBenchmark
{
    private const string Target = "< 2000 ns, 0 B";
    private const int Batches = 9;
    private static readonly TimeSpan s_warmUp = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan s_batchTime = TimeSpan.FromMilliseconds(100);

    private decimal _sink;

    public string Area => "trading";

    public IEnumerable<QuickFigure> Run()
    {
        (string Name, Func<decimal> Operation)[] operations =
        [
            ("liquidity walk, 50 levels", () => LiquidityAnalyzer.Analyze(TradingBenchmarkData.Bids, TradingBenchmarkData.Asks,
                OrderSide.Buy, TradingBenchmarkData.WalkTarget, TradingBenchmarkData.Thresholds).AveragePrice),
            ("triple barrier evaluation", () => TripleBarrierEvaluator.Evaluate(TradingBenchmarkData.Barrier,
                TradingBenchmarkData.BarrierStep, TradingBenchmarkData.ArmedState).State.TrailingTrigger),
            ("funding pair exit evaluation", () => TradingBenchmarkData.ExitManager.Evaluate(TradingBenchmarkData.PairStep).Measured),
        ];

        foreach (var (name, operation) in operations)
        {
            var (nanoseconds, bytes) = Measure(operation);
            yield return new QuickFigure($"{name}: time", nanoseconds, "ns/op", Target: Target);
            yield return new QuickFigure($"{name}: allocated", bytes, "B/op", Target: Target);
        }
    }

    private (double Nanoseconds, double Bytes) Measure(Func<decimal> operation)
    {
        var iterations = Calibrate(operation);
        var timings = new double[Batches];
        long allocated = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < iterations; i++)
            {
                _sink += operation();
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            timings[batch] = elapsed.TotalNanoseconds / iterations;
        }

        Array.Sort(timings);
        return (timings[Batches / 2], (double)allocated / ((long)iterations * Batches));
    }

    /// Runs the operation for the warm-up time and returns how many calls fill one batch.
    private int Calibrate(Func<decimal> operation)
    {
        var started = Stopwatch.GetTimestamp();
        long calls = 0;
        while (Stopwatch.GetElapsedTime(started) < s_warmUp)
        {
            for (var i = 0; i < 1_000; i++)
            {
                _sink += operation();
            }

            calls += 1_000;
        }

        var perCall = Stopwatch.GetElapsedTime(started) / calls;
        return (int)Math.Clamp(s_batchTime / perCall, 1_000, 50_000_000);
    }
}
