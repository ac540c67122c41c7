using FsCheck.Fluent;
using FundingArb.Trading.Instruments;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class PositionSizerTests
{
    private static readonly TradingRules s_coarse = new(tickSize: 0.01m, stepSize: 0.3m, minSize: 0.3m, minNotional: 5m);
    private static readonly TradingRules s_fine = new(tickSize: 0.01m, stepSize: 0.2m, minSize: 0.2m, minNotional: 10m);

    [Fact]
    public void BaseSize_Budget_RoundsDownToStep()
    {
        var size = PositionSizer.BaseSize(quoteNotional: 100m, price: 30_000m, BinanceRules);

        Assert.Equal(0.003m, size);
    }

    [Fact]
    public void BaseSize_NegativeBudget_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionSizer.BaseSize(-1m, 100m, BinanceRules));
    }

    [Fact]
    public void BaseSize_ZeroPrice_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionSizer.BaseSize(100m, 0m, BinanceRules));
    }

    [Fact]
    public void BaseSize_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PositionSizer.BaseSize(100m, 1m, null!));
    }

    [Fact]
    public void QuoteNotional_MultipliesSizeByPrice()
    {
        var notional = PositionSizer.QuoteNotional(0.003m, 30_000m);

        Assert.Equal(90.000m, notional);
    }

    [Fact]
    public void QuoteNotional_ZeroPrice_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionSizer.QuoteNotional(1m, 0m));
    }

    [Fact]
    public void QuoteNotional_NegativeSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionSizer.QuoteNotional(-1m, 1m));
    }

    [Fact]
    public void SizePair_DifferentSteps_UsesCommonMultiple()
    {
        var sizing = PositionSizer.SizePair(100m, longPrice: 10m, s_coarse, shortPrice: 10m, s_fine);

        Assert.Equal((9.6m, 0.6m), (sizing.BaseSize, sizing.CommonStep));
    }

    [Fact]
    public void SizePair_DifferentPrices_BoundsByDearerLeg()
    {
        var sizing = PositionSizer.SizePair(100m, longPrice: 10m, s_coarse, shortPrice: 12.5m, s_fine);

        Assert.Equal((7.8m, 78.0m, 97.50m), (sizing.BaseSize, sizing.LongNotional, sizing.ShortNotional));
    }

    [Fact]
    public void SizePair_BudgetBelowOneStep_ReportsBudget()
    {
        var sizing = PositionSizer.SizePair(5m, longPrice: 10m, s_coarse, shortPrice: 10m, s_fine);

        Assert.Equal((SizingRejectionReason.BudgetBelowCommonStep, 5m, 6.0m),
            (sizing.Rejection!.Reason, sizing.Rejection.Actual, sizing.Rejection.Required));
    }

    [Fact]
    public void SizePair_BelowLargerMinSize_ReportsMinimum()
    {
        var strict = new TradingRules(tickSize: 0.01m, stepSize: 0.1m, minSize: 1m, minNotional: 0m);

        var sizing = PositionSizer.SizePair(5m, longPrice: 10m, strict, shortPrice: 10m, s_fine);

        Assert.Equal((SizingRejectionReason.BelowMinSize, 0.4m, 1m), (sizing.Rejection!.Reason, sizing.Rejection.Actual, sizing.Rejection.Required));
    }

    [Fact]
    public void SizePair_ShortLegBelowMinNotional_ReportsThatLeg()
    {
        var sizing = PositionSizer.SizePair(9m, longPrice: 10m, s_coarse, shortPrice: 10m, s_fine);

        Assert.Equal((SizingRejectionReason.BelowMinNotional, 6.0m, 10m), (sizing.Rejection!.Reason, sizing.Rejection.Actual, sizing.Rejection.Required));
    }

    [Fact]
    public void SizePair_LongLegBelowMinNotional_ReportsThatLeg()
    {
        var sizing = PositionSizer.SizePair(9m, longPrice: 10m, s_fine, shortPrice: 10m, s_coarse);

        Assert.Equal("long notional 6.0 is below that venue's minimum 10", sizing.Rejection!.Message);
    }

    [Fact]
    public void SizePair_Rejected_IsNotValidAndHasZeroSize()
    {
        var sizing = PositionSizer.SizePair(5m, longPrice: 10m, s_coarse, shortPrice: 10m, s_fine);

        Assert.Equal((false, 0m), (sizing.IsValid, sizing.BaseSize));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void SizePair_NonPositiveInput_Throws(int budget, int longPrice, int shortPrice)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionSizer.SizePair(budget, longPrice, s_coarse, shortPrice, s_fine));
    }

    [Fact]
    public void SizePair_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => PositionSizer.SizePair(1m, 1m, null!, 1m, s_fine));
    }

    [Theory]
    [InlineData("0.001", "0.01", "0.01")]
    [InlineData("0.3", "0.2", "0.6")]
    [InlineData("0.00001", "0.001", "0.001")]
    [InlineData("0.25", "0.1", "0.5")]
    public void LeastCommonMultiple_DecimalSteps_IsExact(string a, string b, string expected)
    {
        var lcm = PositionSizer.LeastCommonMultiple(decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(b, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), lcm);
    }

    [Fact]
    public void SizePair_AnyInput_NeverExceedsBudgetAndIsOnBothSteps()
    {
        var steps = Gen.Elements(0.001m, 0.01m, 0.1m, 0.2m, 0.3m, 0.25m, 1m, 0.00001m);
        var inputs =
            (from budget in Gen.Choose(1, 1_000_000)
             from longPrice in Gen.Choose(1, 10_000_000)
             from shortPrice in Gen.Choose(1, 10_000_000)
             from longStep in steps
             from shortStep in steps
             select (Budget: budget / 100m, LongPrice: longPrice / 100m, ShortPrice: shortPrice / 100m, longStep, shortStep))
            .ToArbitrary();

        var property = Prop.ForAll(inputs, input =>
        {
            var (budget, longPrice, shortPrice, longStep, shortStep) = input;
            var longRules = new TradingRules(0.01m, longStep, 0m, 0m);
            var shortRules = new TradingRules(0.01m, shortStep, 0m, 0m);

            var sizing = PositionSizer.SizePair(budget, longPrice, longRules, shortPrice, shortRules);

            return sizing.BaseSize * longPrice <= budget
                && sizing.BaseSize * shortPrice <= budget
                && longRules.IsOnStep(sizing.BaseSize)
                && shortRules.IsOnStep(sizing.BaseSize)
                && (sizing.IsValid || sizing.BaseSize == 0m);
        });

        PropertyCheck.Run(property);
    }

    [Fact]
    public void BaseSize_AnyInput_NeverExceedsBudgetAndIsOnStep()
    {
        var inputs = Gen.Zip(Gen.Choose(0, 10_000_000), Gen.Choose(1, 10_000_000)).ToArbitrary();

        var property = Prop.ForAll(inputs, input =>
        {
            var (budget, price) = (input.Item1 / 100m, input.Item2 / 1000m);

            var size = PositionSizer.BaseSize(budget, price, BinanceRules);

            return size * price <= budget && BinanceRules.IsOnStep(size) && budget - size * price < BinanceRules.BaseStep * price;
        });

        PropertyCheck.Run(property);
    }
}
