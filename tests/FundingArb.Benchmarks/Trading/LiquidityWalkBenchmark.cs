using BenchmarkDotNet.Attributes;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;

namespace FundingArb.Benchmarks.Trading;

/// A buy walked through all 50 levels of the ask side. Target: under 2 µs and 0 B.
/// Not sealed: BenchmarkDotNet derives its generated runner from the class.
[MemoryDiagnoser]
public class LiquidityWalkBenchmark
{
    private readonly BookLevel[] _bids = TradingBenchmarkData.Bids;
    private readonly BookLevel[] _asks = TradingBenchmarkData.Asks;
    private readonly LiquidityTarget _target = TradingBenchmarkData.WalkTarget;
    private readonly LiquidityThresholds _thresholds = TradingBenchmarkData.Thresholds;

    [Benchmark]
    public LiquidityAnalysis WalkFiftyLevels() => LiquidityAnalyzer.Analyze(_bids, _asks, OrderSide.Buy, _target, _thresholds);
}
