using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Orders;

public sealed class FillTests
{
    [Fact]
    public void Notional_IsPriceTimesQuantity()
    {
        var fill = Fill("t1", quantity: 0.5m, price: 101m);

        Assert.Equal(50.5m, fill.Notional);
    }

    [Fact]
    public void IsMaker_MakerRole_IsTrue()
    {
        var fill = Fill("t1", 1m, role: LiquidityRole.Maker);

        Assert.True(fill.IsMaker);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void Constructor_NonPositivePriceOrQuantity_Throws(int price, int quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fill("t1", quantity, price));
    }

    [Fact]
    public void Constructor_BlankTradeId_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => Fill(" ", 1m));
    }

    [Fact]
    public void Constructor_FeeWithoutAsset_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() =>
            new Fill("t1", OrderId, OrderSide.Buy, 1m, 1m, new Money(0.1m, default), LiquidityRole.Taker, T0));
    }
}
