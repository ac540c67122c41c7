using FsCheck.Fluent;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class TradingRulesTests
{
    private static readonly TradingRules s_rules = new(tickSize: 0.5m, stepSize: 0.01m, minSize: 0.02m, minNotional: 10m);

    [Theory]
    [InlineData(0, 1, 0, 0, 1)]
    [InlineData(-1, 1, 0, 0, 1)]
    [InlineData(1, 0, 0, 0, 1)]
    [InlineData(1, 1, -1, 0, 1)]
    [InlineData(1, 1, 0, -1, 1)]
    [InlineData(1, 1, 0, 0, 0)]
    public void Constructor_NonPositiveOrNegativeValue_Throws(int tick, int step, int minSize, int minNotional, int multiplier)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TradingRules(tick, step, minSize, minNotional, multiplier));
    }

    [Fact]
    public void QuantizePrice_Buy_RoundsDownToTick()
    {
        var price = s_rules.QuantizePrice(100.49m, OrderSide.Buy);

        Assert.Equal(100.0m, price);
    }

    [Fact]
    public void QuantizePrice_Sell_RoundsUpToTick()
    {
        var price = s_rules.QuantizePrice(100.01m, OrderSide.Sell);

        Assert.Equal(100.5m, price);
    }

    [Fact]
    public void QuantizePrice_OnTick_IsUnchanged()
    {
        var price = s_rules.QuantizePrice(100.5m, OrderSide.Sell);

        Assert.Equal(100.5m, price);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void QuantizePrice_NonPositive_Throws(int price)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rules.QuantizePrice(price, OrderSide.Buy));
    }

    [Fact]
    public void QuantizeSize_RoundsDownToStep()
    {
        var size = s_rules.QuantizeSize(1.2399m);

        Assert.Equal(1.23m, size);
    }

    [Fact]
    public void QuantizeSize_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rules.QuantizeSize(-0.01m));
    }

    [Fact]
    public void QuantizeSize_WithContractMultiplier_RoundsToWholeContracts()
    {
        var okx = new TradingRules(tickSize: 0.1m, stepSize: 1m, minSize: 1m, minNotional: 0m, contractMultiplier: 0.01m);

        var size = okx.QuantizeSize(0.0375m);

        Assert.Equal(0.03m, size);
    }

    [Fact]
    public void ToContracts_WithMultiplier_DividesByIt()
    {
        var okx = new TradingRules(tickSize: 0.1m, stepSize: 1m, minSize: 1m, minNotional: 0m, contractMultiplier: 0.01m);

        var contracts = okx.ToContracts(0.03m);

        Assert.Equal(3m, contracts);
    }

    [Fact]
    public void ToContracts_Negative_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rules.ToContracts(-1m));
    }

    [Fact]
    public void Check_ValidOrder_ReturnsNull()
    {
        var violation = s_rules.Check(price: 500m, baseSize: 0.02m);

        Assert.Null(violation);
    }

    public static TheoryData<decimal, decimal, RuleViolationKind, decimal, decimal> Violations => new()
    {
        { 500.2m, 0.02m, RuleViolationKind.PriceOffTick, 500.2m, 0.5m },
        { 500m, 0.025m, RuleViolationKind.SizeOffStep, 0.025m, 0.01m },
        { 5000m, 0.01m, RuleViolationKind.BelowMinSize, 0.01m, 0.02m },
        { 100m, 0.05m, RuleViolationKind.BelowMinNotional, 5.00m, 10m },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Check_BrokenRule_ReportsKindActualAndRequired(decimal price, decimal size, RuleViolationKind kind, decimal actual, decimal required)
    {
        var violation = s_rules.Check(price, size);

        Assert.Equal((kind, actual, required), (violation!.Kind, violation.Actual, violation.Required));
    }

    [Fact]
    public void Check_BelowMinNotional_MessageCarriesNumbers()
    {
        var violation = s_rules.Check(price: 100m, baseSize: 0.05m);

        Assert.Equal("notional 5.00 is below the minimum 10", violation!.Message);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void Check_NonPositiveInput_Throws(int price, int size)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_rules.Check(price, size));
    }

    [Fact]
    public void QuantizePrice_AnyPrice_IsOnTickAndNeverMoreAggressive()
    {
        var prices = Gen.Choose(1, 10_000_000).Select(cents => cents / 1000m).ToArbitrary();

        var property = Prop.ForAll(prices, price =>
        {
            var bid = s_rules.QuantizePrice(price, OrderSide.Buy);
            var ask = s_rules.QuantizePrice(price, OrderSide.Sell);
            return s_rules.IsOnTick(bid) && s_rules.IsOnTick(ask) && bid <= price && ask >= price && ask - bid <= s_rules.TickSize;
        });

        PropertyCheck.Run(property);
    }

    [Theory]
    [InlineData(95)]
    [InlineData(105)]
    [InlineData(100)]
    public void CheckPriceBand_AtOrInsideTheBand_Passes(int price)
    {
        Assert.Null(s_rules.CheckPriceBand(price, mark: 100m));
    }

    [Fact]
    public void CheckPriceBand_AboveTheBand_NamesThePriceAndTheBand()
    {
        var violation = s_rules.CheckPriceBand(105.1m, mark: 100m);

        Assert.Equal((RuleViolationKind.PriceOutsideBand, 105m), (violation!.Kind, violation.Required));
        Assert.Equal("price 105.1 is outside the band 95 to 105 (5.0 % around the mark 100)", violation.Message);
    }

    [Fact]
    public void CheckPriceBand_BelowTheBand_RequiresTheLowerEdge()
    {
        var violation = s_rules.CheckPriceBand(94.9m, mark: 100m);

        Assert.Equal(95m, violation!.Required);
    }
}
