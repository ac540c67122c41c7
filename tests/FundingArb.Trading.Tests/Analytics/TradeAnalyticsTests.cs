using FundingArb.Trading.Analytics;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Analytics;

public sealed class TradeAnalyticsTests
{
    private static readonly TimeSpan s_day = TimeSpan.FromDays(1);

    private static ClosedTrade Trade(decimal net, decimal funding = 0m, decimal fees = 0m) => new(T0, T0 + s_day, net, funding, fees);

    private static EquityPoint[] Curve(params decimal[] equity) => equity.Select((e, i) => new EquityPoint(T0 + i * s_day, e)).ToArray();

    private static readonly ClosedTrade[] s_sample = [Trade(10m, 4m, 1m), Trade(-5m, 1m, 2m), Trade(20m, 6m, 1m), Trade(0m)];

    [Fact]
    public void Trades_Sample_CountsWinsAndLosses()
    {
        var stats = TradeAnalytics.Trades(s_sample);

        Assert.Equal((4, 2, 1, 0.5m), (stats.TradeCount, stats.Wins, stats.Losses, stats.WinRate));
    }

    [Fact]
    public void Trades_Sample_ProfitFactorIsGrossProfitOverGrossLoss()
    {
        var stats = TradeAnalytics.Trades(s_sample);

        Assert.Equal((30m, -5m, 25m, (decimal?)6m), (stats.GrossProfit, stats.GrossLoss, stats.NetPnl, stats.ProfitFactor));
    }

    [Fact]
    public void Trades_Sample_AveragesWinAndLoss()
    {
        var stats = TradeAnalytics.Trades(s_sample);

        Assert.Equal((15m, -5m), (stats.AverageWin, stats.AverageLoss));
    }

    [Fact]
    public void Trades_Sample_ComparesFundingWithFees()
    {
        var stats = TradeAnalytics.Trades(s_sample);

        Assert.Equal((11m, 4m, (decimal?)2.75m), (stats.FundingCollected, stats.FeesPaid, stats.FundingToFees));
    }

    [Fact]
    public void Trades_NoLosses_ProfitFactorIsNull()
    {
        var stats = TradeAnalytics.Trades([Trade(1m)]);

        Assert.Null(stats.ProfitFactor);
    }

    [Fact]
    public void Trades_None_AllZero()
    {
        var stats = TradeAnalytics.Trades([]);

        Assert.Equal((0, 0m, 0m, (decimal?)null), (stats.TradeCount, stats.WinRate, stats.AverageWin, stats.FundingToFees));
    }

    [Fact]
    public void Trades_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TradeAnalytics.Trades(null!));
    }

    [Fact]
    public void Trades_NullTrade_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TradeAnalytics.Trades([null!]));
    }

    [Fact]
    public void ClosedTrade_ClosedBeforeOpened_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClosedTrade(T0, T0.AddSeconds(-1), 0m, 0m, 0m));
    }

    [Fact]
    public void Equity_DailyCurve_AnnualisesSharpeBySqrt365()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 110m, 99m, 108.9m), s_day);

        Assert.Equal(5.515130702591431, stats.Sharpe!.Value, 9);
    }

    [Fact]
    public void Equity_DailyCurve_SortinoUsesDownsideOnly()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 110m, 99m, 108.9m), s_day);

        Assert.Equal(11.030261405182863, stats.Sortino!.Value, 9);
    }

    [Fact]
    public void Equity_DailyCurve_StatesPeriod()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 110m, 99m, 108.9m), s_day);

        Assert.Equal((s_day, 365d, 3), (stats.ReturnPeriod, stats.PeriodsPerYear, stats.Returns));
    }

    [Fact]
    public void Equity_HourlyCurve_Has8760PeriodsPerYear()
    {
        var stats = TradeAnalytics.Equity([new(T0, 100m), new(T0.AddHours(1), 101m)], TimeSpan.FromHours(1));

        Assert.Equal(8760d, stats.PeriodsPerYear);
    }

    [Fact]
    public void Equity_Unrecovered_DrawdownRunsToLastPoint()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 110m, 99m, 108.9m), s_day);

        Assert.Equal((11m, 0.1m, 2 * s_day, false), (stats.MaxDrawdown, stats.MaxDrawdownFraction, stats.MaxDrawdownDuration, stats.MaxDrawdownRecovered));
    }

    [Fact]
    public void Equity_Recovered_DrawdownRunsPeakToRecovery()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 100m, 90m, 95m, 100m, 120m), s_day);

        Assert.Equal((10m, 4 * s_day, true), (stats.MaxDrawdown, stats.MaxDrawdownDuration, stats.MaxDrawdownRecovered));
    }

    [Fact]
    public void Equity_Deepest_IsLargestFallNotFirst()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 95m, 100m, 200m, 150m), s_day);

        Assert.Equal((50m, 0.25m), (stats.MaxDrawdown, stats.MaxDrawdownFraction));
    }

    [Fact]
    public void Equity_Rising_HasNoDrawdownOrSortino()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 101m, 103m), s_day);

        Assert.Equal((0m, TimeSpan.Zero, (double?)null), (stats.MaxDrawdown, stats.MaxDrawdownDuration, stats.Sortino));
    }

    [Fact]
    public void Equity_Flat_SharpeIsNull()
    {
        var stats = TradeAnalytics.Equity(Curve(100m, 100m, 100m), s_day);

        Assert.Null(stats.Sharpe);
    }

    [Fact]
    public void Equity_OnePoint_HasNoReturns()
    {
        var stats = TradeAnalytics.Equity(Curve(100m), s_day);

        Assert.Equal((0, (double?)null), (stats.Returns, stats.Sharpe));
    }

    [Fact]
    public void Equity_Empty_IsAllZero()
    {
        var stats = TradeAnalytics.Equity([], s_day);

        Assert.Equal((0, 0m), (stats.Returns, stats.MaxDrawdown));
    }

    [Fact]
    public void Equity_UnevenSpacing_Throws()
    {
        Assert.Throws<ArgumentException>(() => TradeAnalytics.Equity([new(T0, 100m), new(T0.AddHours(25), 101m)], s_day));
    }

    [Fact]
    public void Equity_NonPositiveEquity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeAnalytics.Equity(Curve(100m, 0m), s_day));
    }

    [Fact]
    public void Equity_NonPositivePeriod_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeAnalytics.Equity(Curve(100m), TimeSpan.Zero));
    }

    [Fact]
    public void Equity_NullCurve_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => TradeAnalytics.Equity(null!, s_day));
    }
}
