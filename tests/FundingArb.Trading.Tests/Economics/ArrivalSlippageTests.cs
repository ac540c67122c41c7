using FundingArb.Trading.Economics;
using FundingArb.Trading.Orders;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Economics;

public sealed class ArrivalSlippageTests
{
    private static TrackedOrder Filled(OrderSide side, decimal quantity, params (decimal Quantity, decimal Price)[] fills)
    {
        var order = TrackedOrder.Create(OrderRequest.Market(OrderId, BtcBinance, side, quantity), T0)
            .Apply(OrderEvent.Submitted(T0))
            .Apply(OrderEvent.Accepted("v1", T0));
        for (var i = 0; i < fills.Length; i++)
        {
            order = order.Apply(OrderEvent.Filled(Fill($"t{i}", fills[i].Quantity, fills[i].Price, side)));
        }

        return order;
    }

    [Fact]
    public void Of_BuyFilledAboveTheArrivalMid_CostsTheDifferenceTimesEachFillsQuantity()
    {
        var order = Filled(OrderSide.Buy, 3m, (1m, 100.5m), (2m, 101m));

        Assert.Equal(2.5m, ArrivalSlippage.Of(order, arrivalMid: 100m));
    }

    [Fact]
    public void Of_SellFilledBelowTheArrivalMid_Costs()
    {
        var order = Filled(OrderSide.Sell, 1m, (0.5m, 99m));

        Assert.Equal(0.5m, ArrivalSlippage.Of(order, arrivalMid: 100m));
    }

    [Fact]
    public void Of_SellFilledAboveTheArrivalMid_EarnsANegativeCost()
    {
        var order = Filled(OrderSide.Sell, 2m, (2m, 100.25m));

        Assert.Equal(-0.5m, ArrivalSlippage.Of(order, arrivalMid: 100m));
    }

    [Fact]
    public void Of_NothingFilled_IsZero()
    {
        var order = Filled(OrderSide.Buy, 1m);

        Assert.Equal(0m, ArrivalSlippage.Of(order, arrivalMid: 100m));
    }
}
