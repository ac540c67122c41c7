using FundingArb.Trading.Barriers;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Barriers;

public sealed class BarrierInputTests
{
    [Fact]
    public void IsEstablished_PartialAboveMinimums_IsTrue()
    {
        var established = BarrierInput.IsEstablished(filledBase: 0.001m, entryPrice: 30_000m, BinanceRules);

        Assert.True(established);
    }

    [Fact]
    public void IsEstablished_BelowMinNotional_IsFalse()
    {
        var established = BarrierInput.IsEstablished(filledBase: 0.001m, entryPrice: 4_000m, BinanceRules);

        Assert.False(established);
    }

    [Fact]
    public void IsEstablished_NothingFilled_IsFalse()
    {
        var established = BarrierInput.IsEstablished(0m, 100m, new(tickSize: 0.1m, stepSize: 0.1m, minSize: 0m, minNotional: 0m));

        Assert.False(established);
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(1, 0)]
    public void IsEstablished_BadNumbers_Throw(int filled, int price)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BarrierInput.IsEstablished(filled, price, BinanceRules));
    }

    [Fact]
    public void IsEstablished_NullRules_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => BarrierInput.IsEstablished(1m, 1m, null!));
    }
}
