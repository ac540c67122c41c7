using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Trading.Tests.Positions;

public sealed class PositionPnlTests
{
    [Fact]
    public void Compute_OneAt100FeePoint2At101_IsPoint8Percent()
    {
        var pnl = PositionPnl.Compute(OrderSide.Buy, entryPrice: 100m, exitPrice: 101m, filledBase: 1m, feesInQuote: 0.2m);

        Assert.Equal((1m, 0.8m, 0.008m), (pnl.TradePnl, pnl.NetPnl, pnl.NetPnlFraction));
    }

    [Fact]
    public void Compute_Short_GainsWhenPriceFalls()
    {
        var pnl = PositionPnl.Compute(OrderSide.Sell, entryPrice: 100m, exitPrice: 98m, filledBase: 2m, feesInQuote: 0m);

        Assert.Equal((4m, 0.02m), (pnl.NetPnl, pnl.NetPnlFraction));
    }

    [Fact]
    public void Compute_NothingFilled_IsZeroFractionAndOnlyFees()
    {
        var pnl = PositionPnl.Compute(OrderSide.Buy, 100m, 101m, 0m, 0.1m);

        Assert.Equal((0m, -0.1m, 0m), (pnl.TradePnl, pnl.NetPnl, pnl.NetPnlFraction));
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, -1)]
    public void Compute_BadInput_Throws(int entry, int exit, int filled)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionPnl.Compute(OrderSide.Buy, entry, exit, filled, 0m));
    }

    [Fact]
    public void ExitPrice_Long_IsBid()
    {
        var price = PositionPnl.ExitPrice(OrderSide.Buy, bestBid: 99m, bestAsk: 101m);

        Assert.Equal(99m, price);
    }

    [Fact]
    public void ExitPrice_Short_IsAsk()
    {
        var price = PositionPnl.ExitPrice(OrderSide.Sell, bestBid: 99m, bestAsk: 101m);

        Assert.Equal(101m, price);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void ExitPrice_NonPositive_Throws(int bid, int ask)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PositionPnl.ExitPrice(OrderSide.Buy, bid, ask));
    }
}
