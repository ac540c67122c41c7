using BenchmarkDotNet.Attributes;
using FundingArb.Trading.Barriers;

namespace FundingArb.Benchmarks.Trading;

/// One triple-barrier step with every barrier on and the trailing stop armed. Target: under 2 µs and 0 B.
/// Not sealed: BenchmarkDotNet derives its generated runner from the class.
[MemoryDiagnoser]
public class BarrierEvaluationBenchmark
{
    private readonly TripleBarrier _barrier = TradingBenchmarkData.Barrier;
    private readonly BarrierInput _step = TradingBenchmarkData.BarrierStep;
    private readonly BarrierState _state = TradingBenchmarkData.ArmedState;

    [Benchmark]
    public BarrierDecision EvaluateTripleBarrier() => TripleBarrierEvaluator.Evaluate(_barrier, _step, _state);
}
