using FundingArb.Trading.Fees;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Fees;

public sealed class ConversionRatesTests
{
    [Fact]
    public void TryGetRate_GivenPair_ReturnsRate()
    {
        var rates = ConversionRates.Empty.With(Bnb, Usdt, 600m);

        var found = rates.TryGetRate(Bnb, Usdt, out var rate);

        Assert.Equal((true, 600m), (found, rate));
    }

    [Fact]
    public void TryGetRate_ReversePair_ReturnsInverse()
    {
        var rates = ConversionRates.Empty.With(Bnb, Usdt, 500m);

        rates.TryGetRate(Usdt, Bnb, out var rate);

        Assert.Equal(0.002m, rate);
    }

    [Fact]
    public void TryGetRate_SameAsset_IsOne()
    {
        var found = ConversionRates.Empty.TryGetRate(Usdt, Usdt, out var rate);

        Assert.Equal((true, 1m), (found, rate));
    }

    [Fact]
    public void TryGetRate_UnknownPair_ReturnsFalse()
    {
        var found = ConversionRates.Empty.TryGetRate(Bnb, Usdt, out _);

        Assert.False(found);
    }

    [Fact]
    public void With_NonPositiveRate_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ConversionRates.Empty.With(Bnb, Usdt, 0m));
    }

    [Fact]
    public void With_SameAsset_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConversionRates.Empty.With(Usdt, Usdt, 1m));
    }
}
