using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Orders;

public sealed class OrderRequestTests
{
    [Fact]
    public void Limit_OnTickAndStep_KeepsFields()
    {
        var order = OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, 0.002m, 30_000.1m, TimeInForce.Ioc, reduceOnly: true);

        Assert.Equal((OrderType.Limit, 0.002m, (decimal?)30_000.1m, TimeInForce.Ioc, true),
            (order.Type, order.Quantity, order.Price, order.TimeInForce, order.ReduceOnly));
    }

    [Fact]
    public void PostOnly_IsPostOnlyGtc()
    {
        var order = OrderRequest.PostOnly(OrderId, BtcBinance, OrderSide.Sell, 0.002m, 30_000.1m);

        Assert.Equal((true, TimeInForce.Gtc), (order.IsPostOnly, order.TimeInForce));
    }

    [Fact]
    public void Market_HasNoPriceAndDefaultsToIoc()
    {
        var order = OrderRequest.Market(OrderId, BtcBinance, OrderSide.Sell, 0.002m);

        Assert.Equal(((decimal?)null, TimeInForce.Ioc), (order.Price, order.TimeInForce));
    }

    [Fact]
    public void Constructor_PriceOffTick_Throws()
    {
        Assert.Throws<ArgumentException>(() => OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, 0.002m, 30_000.05m));
    }

    [Fact]
    public void Constructor_QuantityOffStep_Throws()
    {
        Assert.Throws<ArgumentException>(() => OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, 0.0015m, 30_000m));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveQuantity_Throws(int quantity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, quantity, 30_000m));
    }

    [Fact]
    public void Constructor_LimitWithoutPrice_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new OrderRequest(OrderId, BtcBinance, OrderSide.Buy, OrderType.Limit, 0.001m, null, TimeInForce.Gtc, false));
    }

    [Fact]
    public void Constructor_LimitWithNegativePrice_Throws()
    {
        Assert.Throws<ArgumentException>(() => OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, 0.001m, -1m));
    }

    [Fact]
    public void Constructor_MarketWithPrice_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new OrderRequest(OrderId, BtcBinance, OrderSide.Buy, OrderType.Market, 0.001m, 100m, TimeInForce.Ioc, false));
    }

    [Fact]
    public void Constructor_MarketGtc_Throws()
    {
        Assert.Throws<ArgumentException>(() => OrderRequest.Market(OrderId, BtcBinance, OrderSide.Buy, 0.001m, TimeInForce.Gtc));
    }

    [Theory]
    [InlineData(TimeInForce.Ioc)]
    [InlineData(TimeInForce.Fok)]
    public void Constructor_PostOnlyNotGtc_Throws(TimeInForce timeInForce)
    {
        Assert.Throws<ArgumentException>(() =>
            new OrderRequest(OrderId, BtcBinance, OrderSide.Buy, OrderType.LimitMaker, 0.001m, 100m, timeInForce, false));
    }

    [Fact]
    public void Constructor_NullInstrument_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OrderRequest.Limit(OrderId, null!, OrderSide.Buy, 0.001m, 100m));
    }

    [Fact]
    public void Constructor_DefaultClientOrderId_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => OrderRequest.Limit(default, BtcBinance, OrderSide.Buy, 0.001m, 100m));
    }
}
