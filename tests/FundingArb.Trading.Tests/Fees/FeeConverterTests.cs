using FundingArb.Trading.Fees;
using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Fees;

public sealed class FeeConverterTests
{
    [Fact]
    public void ToQuote_QuoteFee_IsUnchanged()
    {
        var fee = FeeConverter.ToQuote(Fill("t1", 1m, fee: 0.2m), BtcBinance, ConversionRates.Empty);

        Assert.Equal(Usd(0.2m), fee);
    }

    [Fact]
    public void ToQuote_BaseFee_IsValuedAtFillPrice()
    {
        var fill = new Fill("t1", OrderId, OrderSide.Buy, 30_000m, 1m, new(0.0001m, Btc), LiquidityRole.Taker, T0);

        var fee = FeeConverter.ToQuote(fill, BtcBinance, ConversionRates.Empty);

        Assert.Equal(Usd(3m), fee);
    }

    [Fact]
    public void ToQuote_ThirdAssetWithRate_UsesRate()
    {
        var fill = new Fill("t1", OrderId, OrderSide.Buy, 30_000m, 1m, new(0.01m, Bnb), LiquidityRole.Taker, T0);

        var fee = FeeConverter.ToQuote(fill, BtcBinance, ConversionRates.Empty.With(Bnb, Usdt, 600m));

        Assert.Equal(Usd(6m), fee);
    }

    [Fact]
    public void TryToQuote_ThirdAssetWithoutRate_ReturnsFalse()
    {
        var fill = new Fill("t1", OrderId, OrderSide.Buy, 30_000m, 1m, new(0.01m, Bnb), LiquidityRole.Taker, T0);

        var converted = FeeConverter.TryToQuote(fill, BtcBinance, ConversionRates.Empty, out _);

        Assert.False(converted);
    }

    [Fact]
    public void ToQuote_ThirdAssetWithoutRate_Throws()
    {
        var fill = new Fill("t1", OrderId, OrderSide.Buy, 30_000m, 1m, new(0.01m, Bnb), LiquidityRole.Taker, T0);

        Assert.Throws<ArgumentException>(() => FeeConverter.ToQuote(fill, BtcBinance, ConversionRates.Empty));
    }

    [Fact]
    public void TryToQuote_NullArgument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FeeConverter.TryToQuote(null!, BtcBinance, ConversionRates.Empty, out _));
    }
}
