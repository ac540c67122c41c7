using FundingArb.Trading.Instruments;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Instruments;

public sealed class MoneyTests
{
    private static readonly Asset s_usdc = new("USDC");

    [Fact]
    public void Add_SameAsset_SumsAmounts()
    {
        var sum = Usd(1.25m) + Usd(2.5m);

        Assert.Equal(Usd(3.75m), sum);
    }

    [Fact]
    public void Subtract_SameAsset_SubtractsAmounts()
    {
        var difference = Usd(1m) - Usd(2.5m);

        Assert.Equal(Usd(-1.5m), difference);
    }

    [Fact]
    public void Add_DifferentAssets_Throws()
    {
        var usdc = new Money(1m, s_usdc);

        Assert.Throws<ArgumentException>(() => Usd(1m) + usdc);
    }

    [Fact]
    public void Subtract_DifferentAssets_Throws()
    {
        var usdc = new Money(1m, s_usdc);

        Assert.Throws<ArgumentException>(() => Usd(1m) - usdc);
    }

    [Fact]
    public void Compare_DifferentAssets_Throws()
    {
        var usdc = new Money(1m, s_usdc);

        Assert.Throws<ArgumentException>(() => Usd(1m) < usdc);
    }

    [Fact]
    public void Compare_SameAsset_OrdersByAmount()
    {
        var small = Usd(1m);

        var large = Usd(2m);

        Assert.True(small < large && large >= small && small <= Usd(1m) && large > small);
    }

    [Fact]
    public void Multiply_ByFactor_KeepsAsset()
    {
        var product = Usd(2m) * 0.5m;

        Assert.Equal(Usd(1m), product);
    }

    [Fact]
    public void Negate_FlipsSign()
    {
        var negated = -Usd(2m);

        Assert.Equal(Usd(-2m), negated);
    }

    [Fact]
    public void Zero_HasZeroAmount()
    {
        var zero = Money.Zero(Usdt);

        Assert.Equal(0m, zero.Amount);
    }

    [Fact]
    public void ToString_UsesInvariantCulture()
    {
        var text = Usd(1234.5m).ToString();

        Assert.Equal("1234.5 USDT", text);
    }
}
