using FundingArb.Trading.Barriers;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Benchmarks.Trading;

/// The inputs every trading benchmark shares, built once so the BenchmarkDotNet classes and the quick run
/// measure the same work.
internal static class TradingBenchmarkData
{
    public const int BookDepth = 50;

    public static readonly DateTimeOffset Start = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static readonly BookLevel[] Bids = Levels(first: 29_999.9m, step: -0.1m);

    public static readonly BookLevel[] Asks = Levels(first: 30_000.1m, step: 0.1m);

    /// Just short of the whole ask side, so the walk reads all 50 levels and splits the last one.
    public static readonly LiquidityTarget WalkTarget = LiquidityTarget.InQuote(AskDepthInQuote() - 1m);

    public static readonly LiquidityThresholds Thresholds = LiquidityThresholds.Default;

    /// Every barrier on, with the trailing stop armed, so one step runs every comparison and ratchets.
    public static readonly TripleBarrier Barrier = new()
    {
        StopLoss = 0.02m,
        TakeProfit = 0.05m,
        TimeLimit = TimeSpan.FromHours(4),
        TrailingStop = new TrailingStop(0.01m, 0.004m),
    };

    public static readonly BarrierInput BarrierStep = new(0.0231m, PositionEstablished: true, Start, Start.AddMinutes(30));

    public static readonly BarrierState ArmedState = new(TrailingArmed: true, TrailingTrigger: 0.012m);

    public static readonly CombinedExitManager ExitManager =
        CombinedExitManager.Create(FundingPairExitSettings.Default with { TimeLimit = TimeSpan.FromDays(7) });

    /// A healthy pair: no rule fires, so the manager evaluates all five.
    public static readonly FundingPairSnapshot PairStep = new(
        expectedSpreadPerDay: 0.0012m,
        nextSpreadPerDay: 0.0011m,
        legsNetPnl: -0.35m,
        fundingCollected: 0.42m,
        exitFees: 0.13m,
        roundTripCost: 0.2m,
        positionSizeQuote: 100m,
        openedAt: Start,
        now: Start.AddHours(20),
        alternative: new SwitchCandidate(0.002m, 0.002m));

    private static BookLevel[] Levels(decimal first, decimal step)
    {
        var levels = new BookLevel[BookDepth];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = new BookLevel(first + i * step, 0.05m + i * 0.01m);
        }

        return levels;
    }

    private static decimal AskDepthInQuote() => Asks.Sum(level => level.Price * level.Size);
}
