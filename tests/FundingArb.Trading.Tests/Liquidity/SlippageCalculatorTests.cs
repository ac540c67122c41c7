using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Liquidity;

public sealed class SlippageCalculatorTests
{
    private static SlippageReport Buy(decimal actual) =>
        SlippageCalculator.Compare(OrderSide.Buy, 2m, referencePrice: 100m, expectedPrice: 100.15m, actual, SlippageThresholds.Default);

    [Fact]
    public void Compare_BuyWorseThanExpected_ReportsQuoteAndBps()
    {
        var report = Buy(actual: 100.2m);

        Assert.Equal((0.30m, 0.40m, 15m, 20m, 5m), (report.ExpectedQuote, report.ActualQuote, report.ExpectedBps, report.ActualBps, report.ExcessBps));
    }

    [Fact]
    public void Compare_FiveBpsExcess_IsFair()
    {
        var report = Buy(actual: 100.2m);

        Assert.Equal(ExecutionQuality.Fair, report.Quality);
    }

    [Fact]
    public void Compare_BetterThanExpected_IsExcellent()
    {
        var report = Buy(actual: 100.1m);

        Assert.Equal((ExecutionQuality.Excellent, -0.10m), (report.Quality, report.ExcessQuote));
    }

    [Fact]
    public void Compare_TwoBpsExcess_IsGood()
    {
        var report = Buy(actual: 100.17m);

        Assert.Equal(ExecutionQuality.Good, report.Quality);
    }

    [Fact]
    public void Compare_FarWorse_IsPoor()
    {
        var report = Buy(actual: 100.3m);

        Assert.Equal(ExecutionQuality.Poor, report.Quality);
    }

    [Fact]
    public void Compare_SellBelowReference_IsACost()
    {
        var report = SlippageCalculator.Compare(OrderSide.Sell, 1m, 100m, 99.9m, 99.8m, SlippageThresholds.Default);

        Assert.Equal((10m, 20m), (report.ExpectedBps, report.ActualBps));
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 0, 1)]
    [InlineData(1, 1, 1, 0)]
    public void Compare_NonPositiveInput_Throws(int quantity, int reference, int expected, int actual)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            SlippageCalculator.Compare(OrderSide.Buy, quantity, reference, expected, actual, SlippageThresholds.Default));
    }

    [Fact]
    public void Compare_NullThresholds_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SlippageCalculator.Compare(OrderSide.Buy, 1m, 1m, 1m, 1m, null!));
    }

    [Fact]
    public void Compare_AnalysisAndOrder_UsesMidWalkAndFills()
    {
        var analysis = LiquidityAnalyzer.Analyze([new(99.9m, 1m)], [new(100.1m, 1m), new(100.2m, 2m)], OrderSide.Buy,
            LiquidityTarget.InBase(2m), LiquidityThresholds.Default);
        var order = TrackedOrder.Create(LimitBuy(2m, 101m), T0).Apply(OrderEvent.Submitted(T0))
            .Apply(OrderEvent.Filled(Fill("t1", 2m, 100.2m)));

        var report = SlippageCalculator.Compare(analysis, order, SlippageThresholds.Default);

        Assert.Equal((100m, 100.15m, 100.2m, 2m), (report.ReferencePrice, report.ExpectedPrice, report.ActualPrice, report.Quantity));
    }

    [Fact]
    public void Compare_OrderWithoutFills_Throws()
    {
        var analysis = LiquidityAnalyzer.Analyze([new(99.9m, 1m)], [new(100.1m, 1m)], OrderSide.Buy, LiquidityTarget.InBase(1m), LiquidityThresholds.Default);

        Assert.Throws<ArgumentException>(() => SlippageCalculator.Compare(analysis, TrackedOrder.Create(LimitBuy(), T0), SlippageThresholds.Default));
    }

    [Fact]
    public void Compare_AnalysisOfOtherSide_Throws()
    {
        var analysis = LiquidityAnalyzer.Analyze([new(99.9m, 1m)], [new(100.1m, 1m)], OrderSide.Sell, LiquidityTarget.InBase(1m), LiquidityThresholds.Default);
        var order = TrackedOrder.Create(LimitBuy(1m, 101m), T0).Apply(OrderEvent.Submitted(T0)).Apply(OrderEvent.Filled(Fill("t1", 1m, 100.2m)));

        Assert.Throws<ArgumentException>(() => SlippageCalculator.Compare(analysis, order, SlippageThresholds.Default));
    }

    [Fact]
    public void Compare_NullOrder_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => SlippageCalculator.Compare(default, null!, SlippageThresholds.Default));
    }
}
