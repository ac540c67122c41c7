using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Funding;

// Each book is one level a side, 0.1 either side of its mid and deep enough for the 1,000 quote leg. Walking it to
// buy 1,000 quote costs 1,000 × (1 − mid / ask) against the mid; to sell, 1,000 × (mid / bid − 1).
public sealed class RoundTripCostEstimatorTests
{
    private static readonly FeeSchedule s_fees = new(makerRate: 0.0002m, takerRate: 0.0005m);

    private static LegBook Book(decimal mid, decimal size = 1_000m) =>
        new(s_fees, [new BookLevel(mid - 0.1m, size)], [new BookLevel(mid + 0.1m, size)]);

    private static decimal BuySlippage(decimal mid) => 1_000m * (1m - (mid / (mid + 0.1m)));

    private static decimal SellSlippage(decimal mid) => 1_000m * ((mid / (mid - 0.1m)) - 1m);

    [Fact]
    public void Estimate_TakerEntry_PaysTakerFeesBothWaysAndWalksFourBooks()
    {
        var costs = RoundTripCostEstimator.Estimate(1_000m, Book(100m), Book(100m), LiquidityRole.Taker, LiquidityThresholds.Default)!.Value;

        Assert.Equal((1m, 1m, 0m), (costs.EntryFees, costs.ExitFees, costs.Basis));
        Assert.Equal(2m * (BuySlippage(100m) + SellSlippage(100m)), costs.Slippage, 10);
    }

    [Fact]
    public void Estimate_MakerEntry_PaysMakerFeesAndNoEntrySlippage()
    {
        var costs = RoundTripCostEstimator.Estimate(1_000m, Book(100m), Book(100m), LiquidityRole.Maker, LiquidityThresholds.Default)!.Value;

        Assert.Equal((0.4m, 1m), (costs.EntryFees, costs.ExitFees));
        Assert.Equal(BuySlippage(100m) + SellSlippage(100m), costs.Slippage, 10);
    }

    [Fact]
    public void Estimate_LongLegAtAPremium_CostsThePremium()
    {
        var costs = RoundTripCostEstimator.Estimate(1_000m, Book(100.5m), Book(100m), LiquidityRole.Maker, LiquidityThresholds.Default)!.Value;

        Assert.Equal(5m, costs.Basis);
        Assert.Equal(costs.EntryFees + costs.ExitFees + costs.Slippage + 5m, costs.Total);
    }

    [Fact]
    public void Estimate_LongLegAtADiscount_CountsNoGain()
    {
        var costs = RoundTripCostEstimator.Estimate(1_000m, Book(99.5m), Book(100m), LiquidityRole.Maker, LiquidityThresholds.Default)!.Value;

        Assert.Equal(0m, costs.Basis);
    }

    [Fact]
    public void Estimate_BookTooThinForTheSize_IsNull()
    {
        Assert.Null(RoundTripCostEstimator.Estimate(1_000m, Book(100m), Book(100m, size: 5m), LiquidityRole.Taker, LiquidityThresholds.Default));
    }

    [Fact]
    public void Estimate_EmptyBook_IsNull()
    {
        var empty = new LegBook(s_fees, ImmutableArray<BookLevel>.Empty, ImmutableArray<BookLevel>.Empty);

        Assert.Null(RoundTripCostEstimator.Estimate(1_000m, empty, Book(100m), LiquidityRole.Taker, LiquidityThresholds.Default));
    }

    [Fact]
    public void Estimate_NonPositiveNotional_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RoundTripCostEstimator.Estimate(0m, Book(100m), Book(100m), LiquidityRole.Taker, LiquidityThresholds.Default));
    }
}
