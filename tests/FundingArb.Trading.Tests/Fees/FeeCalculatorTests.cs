using FundingArb.Trading.Fees;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Fees;

public sealed class FeeCalculatorTests
{
    private static readonly FeeSchedule s_binanceFees = new(0.0002m, 0.0004m);
    private static readonly FeeSchedule s_hyperliquidFees = new(0m, 0.00025m);

    [Fact]
    public void Fee_Taker_IsNotionalTimesTakerRate()
    {
        var fee = FeeCalculator.Fee(1000m, s_binanceFees, LiquidityRole.Taker);

        Assert.Equal(0.4m, fee);
    }

    [Fact]
    public void Fee_NegativeNotional_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FeeCalculator.Fee(-1m, s_binanceFees, LiquidityRole.Taker));
    }

    [Fact]
    public void PairCosts_TakerInAndOut_SumsFourFees()
    {
        var costs = FeeCalculator.PairCosts(1000m, s_binanceFees, 1000m, s_hyperliquidFees, LiquidityRole.Taker, LiquidityRole.Taker);

        Assert.Equal((0.4m, 0.25m, 0.65m, 0.65m, 1.30m), (costs.EntryLong, costs.EntryShort, costs.Entry, costs.Exit, costs.Total));
    }

    [Fact]
    public void PairCosts_MakerEntryTakerExit_UsesEachRole()
    {
        var costs = FeeCalculator.PairCosts(1000m, s_binanceFees, 1000m, s_hyperliquidFees, LiquidityRole.Maker, LiquidityRole.Taker);

        Assert.Equal((0.2m, 0.65m), (costs.Entry, costs.Exit));
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(1, -1)]
    public void PairCosts_NegativeNotional_Throws(int longNotional, int shortNotional)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            FeeCalculator.PairCosts(longNotional, s_binanceFees, shortNotional, s_hyperliquidFees, LiquidityRole.Taker, LiquidityRole.Taker));
    }

    [Fact]
    public void RoundTripRate_TakerBothWays_IsTwiceBothTakerRates()
    {
        var rate = FeeCalculator.RoundTripRate(s_binanceFees, s_hyperliquidFees, LiquidityRole.Taker, LiquidityRole.Taker);

        Assert.Equal(0.0013m, rate);
    }
}
