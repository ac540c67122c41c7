using BenchmarkDotNet.Attributes;
using FundingArb.Trading.Barriers;

namespace FundingArb.Benchmarks.Trading;

/// One funding-pair step through all five exit rules, none firing. Target: under 2 µs and 0 B.
/// Not sealed: BenchmarkDotNet derives its generated runner from the class.
[MemoryDiagnoser]
public class FundingPairExitBenchmark
{
    private readonly CombinedExitManager _manager = TradingBenchmarkData.ExitManager;
    private readonly FundingPairSnapshot _step = TradingBenchmarkData.PairStep;

    [Benchmark]
    public FundingExitDecision EvaluateExitRules() => _manager.Evaluate(_step);
}
