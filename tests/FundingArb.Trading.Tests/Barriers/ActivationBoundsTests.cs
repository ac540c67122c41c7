using FundingArb.Trading.Barriers;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Barriers;

public sealed class ActivationBoundsTests
{
    private static readonly ActivationBounds s_bounds = new(lower: 0.01m, upper: 0.005m);

    [Theory]
    [InlineData("99", true)]
    [InlineData("98.99", false)]
    [InlineData("101", true)]
    public void IsWithin_LimitBuy_NeedsPriceAtLeastMidMinusLower(string price, bool expected)
    {
        var within = s_bounds.IsWithin(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 100m, OrderSide.Buy, OrderType.Limit);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("101", true)]
    [InlineData("101.01", false)]
    [InlineData("99", true)]
    public void IsWithin_LimitMakerSell_NeedsPriceAtMostMidPlusLower(string price, bool expected)
    {
        var within = s_bounds.IsWithin(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), 100m, OrderSide.Sell, OrderType.LimitMaker);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("99", true)]
    [InlineData("98.99", false)]
    [InlineData("100.5", true)]
    [InlineData("100.51", false)]
    public void IsWithin_MarketBuy_NeedsMidInsideBand(string mid, bool expected)
    {
        var within = s_bounds.IsWithin(100m, decimal.Parse(mid, System.Globalization.CultureInfo.InvariantCulture), OrderSide.Buy, OrderType.Market);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData("99.5", true)]
    [InlineData("99.49", false)]
    [InlineData("101", true)]
    [InlineData("101.01", false)]
    public void IsWithin_MarketSell_NeedsMidInsideMirroredBand(string mid, bool expected)
    {
        var within = s_bounds.IsWithin(100m, decimal.Parse(mid, System.Globalization.CultureInfo.InvariantCulture), OrderSide.Sell, OrderType.Market);

        Assert.Equal(expected, within);
    }

    [Theory]
    [InlineData(-0.01, 0)]
    [InlineData(0, -0.01)]
    public void Constructor_NegativeBound_Throws(double lower, double upper)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ActivationBounds((decimal)lower, (decimal)upper));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void IsWithin_NonPositivePriceOrMid_Throws(int price, int mid)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => s_bounds.IsWithin(price, mid, OrderSide.Buy, OrderType.Limit));
    }
}
