using FundingArb.Trading.Orders;
using FundingArb.Trading.Risk;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Risk;

public sealed class PreTradeRiskTests
{
    private static readonly RiskContext s_healthy = new(AvailableMargin: 1_000m, Equity: 10_000m, PositionQuantity: 0m, OpenPairs: 0, DailyPnl: 0m, KillSwitchEngaged: false);

    private static PreTradeRequest Buy(decimal quantity = 0.1m, decimal price = 20_000m, decimal mark = 20_000m, decimal leverage = 5m,
        bool reduceOnly = false, bool opensNewPair = false, OrderSide side = OrderSide.Buy) =>
        new(side, quantity, price, mark, leverage, estimatedFee: 0.8m, BinanceRules, reduceOnly, opensNewPair);

    [Fact]
    public void Assess_OrdinaryOrder_PassesEveryCheck()
    {
        var assessment = PreTradeRisk.Assess(Buy(), s_healthy, RiskLimits.Default);

        Assert.Equal((true, 9), (assessment.Passed, assessment.Checks.Length));
    }

    [Fact]
    public void Assess_TwoBreaches_ListsBoth()
    {
        var context = s_healthy with { KillSwitchEngaged = true, AvailableMargin = 1m };

        var assessment = PreTradeRisk.Assess(Buy(), context, RiskLimits.Default);

        Assert.Equal([RiskRule.KillSwitch, RiskRule.MarginSufficiency], assessment.Failures.Select(f => f.Rule));
    }

    [Fact]
    public void Assess_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => PreTradeRisk.Assess(Buy(), null!, RiskLimits.Default));
    }

    public static TheoryData<string> Checks => new()
    {
        "kill switch", "daily loss", "open pairs", "min size", "max order size", "max order value", "price", "position share", "margin",
    };

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_NullRequest_Throws(string check)
    {
        Assert.Throws<ArgumentNullException>(() => Run(check, null!, s_healthy, RiskLimits.Default));
    }

    [Theory]
    [MemberData(nameof(Checks))]
    public void Check_NullContextOrLimits_ThrowsWhereUsed(string check)
    {
        var usesContextOrLimits = check != "min size";

        var thrown = Record.Exception(() => Run(check, Buy(), null!, null!));

        Assert.Equal(usesContextOrLimits, thrown is ArgumentNullException);
    }

    [Fact]
    public void KillSwitch_Engaged_RefusesNewExposure()
    {
        var result = PreTradeRisk.KillSwitch(Buy(), s_healthy with { KillSwitchEngaged = true });

        Assert.Equal("the kill switch is engaged: only reduce-only orders pass", result.Reason);
    }

    [Fact]
    public void KillSwitch_EngagedReduceOnly_Passes()
    {
        var result = PreTradeRisk.KillSwitch(Buy(reduceOnly: true), s_healthy with { KillSwitchEngaged = true });

        Assert.True(result.Passed);
    }

    [Fact]
    public void DailyLoss_AtLimit_RefusesWithNumbers()
    {
        var result = PreTradeRisk.DailyLoss(Buy(), s_healthy with { DailyPnl = -500m }, RiskLimits.Default);

        Assert.Equal((500m, 500m, "today's loss 500 has reached the limit 500"), (result.Actual, result.Limit, result.Reason));
    }

    [Fact]
    public void DailyLoss_BelowLimit_Passes()
    {
        var result = PreTradeRisk.DailyLoss(Buy(), s_healthy with { DailyPnl = -499.99m }, RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void DailyLoss_LimitOff_Passes()
    {
        var result = PreTradeRisk.DailyLoss(Buy(), s_healthy with { DailyPnl = -1_000_000m }, RiskLimits.Default with { DailyLossLimit = null });

        Assert.True(result.Passed);
    }

    [Fact]
    public void OpenPairs_NewPairAtLimit_Refuses()
    {
        var result = PreTradeRisk.OpenPairs(Buy(opensNewPair: true), s_healthy with { OpenPairs = 5 }, RiskLimits.Default);

        Assert.Equal("5 pairs are open, the limit is 5", result.Reason);
    }

    [Fact]
    public void OpenPairs_OrderOfExistingPair_Passes()
    {
        var result = PreTradeRisk.OpenPairs(Buy(), s_healthy with { OpenPairs = 5 }, RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void MinSize_BelowMinimumSize_Refuses()
    {
        var result = PreTradeRisk.MinSize(Buy(quantity: 0.0005m));

        Assert.Equal((0.0005m, 0.001m), (result.Actual, result.Limit));
    }

    [Fact]
    public void MinSize_BelowMinimumNotional_RefusesEvenReduceOnly()
    {
        var result = PreTradeRisk.MinSize(Buy(quantity: 0.001m, price: 4_000m, mark: 4_000m, reduceOnly: true));

        Assert.Equal("notional 4.000 is below the minimum 5", result.Reason);
    }

    [Fact]
    public void MaxOrderSize_Above_Refuses()
    {
        var result = PreTradeRisk.MaxOrderSize(Buy(quantity: 0.2m), RiskLimits.Default with { MaxOrderSize = 0.1m });

        Assert.Equal("size 0.2 exceeds the maximum 0.1", result.Reason);
    }

    [Fact]
    public void MaxOrderSize_Off_Passes()
    {
        var result = PreTradeRisk.MaxOrderSize(Buy(quantity: 100m), RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void MaxOrderValue_Above_Refuses()
    {
        var result = PreTradeRisk.MaxOrderValue(Buy(quantity: 0.6m), RiskLimits.Default);

        Assert.Equal((12_000.0m, 10_000m, false), (result.Actual, result.Limit, result.Passed));
    }

    [Fact]
    public void MaxOrderValue_AboveButReduceOnly_Passes()
    {
        var result = PreTradeRisk.MaxOrderValue(Buy(quantity: 0.6m, reduceOnly: true), RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void PriceReasonability_FarFromMark_Refuses()
    {
        var result = PreTradeRisk.PriceReasonability(Buy(price: 21_100m), RiskLimits.Default);

        Assert.Equal((0.055m, 0.05m, false), (result.Actual, result.Limit, result.Passed));
    }

    [Fact]
    public void PriceReasonability_AtLimit_Passes()
    {
        var result = PreTradeRisk.PriceReasonability(Buy(price: 19_000m), RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void PositionShare_GrowingBeyondShare_Refuses()
    {
        var result = PreTradeRisk.PositionShare(Buy(quantity: 0.05m), s_healthy with { PositionQuantity = 0.1m }, RiskLimits.Default);

        Assert.Equal((0.3m, 0.25m, false), (result.Actual, result.Limit, result.Passed));
    }

    [Fact]
    public void PositionShare_ShrinkingOrder_Passes()
    {
        var result = PreTradeRisk.PositionShare(Buy(quantity: 0.05m, side: OrderSide.Sell), s_healthy with { PositionQuantity = 0.5m }, RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void PositionShare_NoEquity_Refuses()
    {
        var result = PreTradeRisk.PositionShare(Buy(), s_healthy with { Equity = 0m }, RiskLimits.Default);

        Assert.False(result.Passed);
    }

    [Fact]
    public void Margin_Insufficient_RefusesWithRequirement()
    {
        var result = PreTradeRisk.Margin(Buy(), s_healthy with { AvailableMargin = 440m }, RiskLimits.Default);

        Assert.Equal("available margin 440 is below the 440.88 required at 5x", result.Reason);
    }

    [Fact]
    public void Margin_Sufficient_Passes()
    {
        var result = PreTradeRisk.Margin(Buy(), s_healthy with { AvailableMargin = 440.88m }, RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Fact]
    public void Margin_ReduceOnly_Passes()
    {
        var result = PreTradeRisk.Margin(Buy(reduceOnly: true), s_healthy with { AvailableMargin = 0m }, RiskLimits.Default);

        Assert.True(result.Passed);
    }

    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(1, 0, 1, 1)]
    [InlineData(1, 1, 0, 1)]
    [InlineData(1, 1, 1, 0)]
    public void Request_BadNumbers_Throw(int quantity, int price, int mark, int leverage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreTradeRequest(OrderSide.Buy, quantity, price, mark, leverage, 0m, BinanceRules));
    }

    [Fact]
    public void Request_NegativeFee_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PreTradeRequest(OrderSide.Buy, 1m, 1m, 1m, 1m, -1m, BinanceRules));
    }

    [Fact]
    public void Request_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => new PreTradeRequest(OrderSide.Buy, 1m, 1m, 1m, 1m, 0m, null!));
    }

    [Fact]
    public void Limits_NegativeMarginBuffer_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskLimits.Default with { MarginBuffer = -0.1m });
    }

    private static RiskCheckResult Run(string check, PreTradeRequest request, RiskContext context, RiskLimits limits) => check switch
    {
        "kill switch" => PreTradeRisk.KillSwitch(request, context),
        "daily loss" => PreTradeRisk.DailyLoss(request, context, limits),
        "open pairs" => PreTradeRisk.OpenPairs(request, context, limits),
        "min size" => PreTradeRisk.MinSize(request),
        "max order size" => PreTradeRisk.MaxOrderSize(request, limits),
        "max order value" => PreTradeRisk.MaxOrderValue(request, limits),
        "price" => PreTradeRisk.PriceReasonability(request, limits),
        "position share" => PreTradeRisk.PositionShare(request, context, limits),
        "margin" => PreTradeRisk.Margin(request, context, limits),
        _ => throw new ArgumentOutOfRangeException(nameof(check), check, "No such check."),
    };
}
