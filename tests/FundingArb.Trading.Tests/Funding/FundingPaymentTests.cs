using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Funding;

public sealed class FundingPaymentTests
{
    private static readonly Symbol s_btc = new("BTCUSDT");

    [Fact]
    public void AtSettlement_LongPositiveRate_Pays()
    {
        var payment = FundingPayment.AtSettlement(Binance, s_btc, PositionSide.Long, size: 2m, price: 30_000m, rate: 0.0001m, T0);

        Assert.Equal(-6m, payment.Amount);
    }

    [Fact]
    public void AtSettlement_ShortPositiveRate_Receives()
    {
        var payment = FundingPayment.AtSettlement(Binance, s_btc, PositionSide.Short, size: 2m, price: 30_000m, rate: 0.0001m, T0);

        Assert.Equal(6m, payment.Amount);
    }

    [Fact]
    public void AtSettlement_LongNegativeRate_Receives()
    {
        var payment = FundingPayment.AtSettlement(Binance, s_btc, PositionSide.Long, size: 1m, price: 100m, rate: -0.0005m, T0);

        Assert.Equal(0.05m, payment.Amount);
    }

    [Fact]
    public void AtSettlement_NegativeSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingPayment.AtSettlement(Binance, s_btc, PositionSide.Long, -1m, 1m, 0m, T0));
    }

    [Fact]
    public void AtSettlement_NonPositivePrice_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FundingPayment.AtSettlement(Binance, s_btc, PositionSide.Long, 1m, 0m, 0m, T0));
    }

    [Fact]
    public void Constructor_DefaultVenue_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => new FundingPayment(default, s_btc, PositionSide.Long, 1m, 1m, 0m, 0m, T0));
    }
}
