using FsCheck.Fluent;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using static FundingArb.Trading.Tests.TestMarkets;

namespace FundingArb.Trading.Tests.Positions;

public sealed class PositionHoldTests
{
    private static readonly PositionKey s_key = new(Binance, new Symbol("BTCUSDT"));

    private static PositionHold Empty() => PositionHold.Empty(s_key, Usdt);

    private static PositionHold Trade(PositionHold hold, OrderSide side, decimal baseAmount, decimal quoteAmount, decimal fee = 0m) =>
        hold.Apply(side, baseAmount, quoteAmount / baseAmount, fee);

    [Fact]
    public void Restore_FiguresOfAHold_ContinuesExactly()
    {
        var original = Trade(Trade(Empty(), OrderSide.Buy, 3m, 600.3m, 0.12m), OrderSide.Sell, 1m, 210m, 0.04m);

        var restored = PositionHold.Restore(s_key, Usdt, original.NetQuantity, original.CostBasis, original.RealizedPnl,
            original.FundingPnl, original.Fees, original.Volume, original.BoughtQuantity, original.SoldQuantity);

        var next = Trade(original, OrderSide.Sell, 2m, 430m);
        var restoredNext = Trade(restored, OrderSide.Sell, 2m, 430m);
        Assert.Equal((next.NetQuantity, next.CostBasis, next.RealizedPnl, next.Fees, next.Volume),
            (restoredNext.NetQuantity, restoredNext.CostBasis, restoredNext.RealizedPnl, restoredNext.Fees, restoredNext.Volume));
    }

    [Fact]
    public void Restore_BasisWithoutPosition_Throws()
    {
        var act = () => PositionHold.Restore(s_key, Usdt, 0m, 10m, 0m, 0m, 0m, 0m, 0m, 0m);

        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Apply_FirstBuy_AverageIsQuoteOverBase()
    {
        var hold = Trade(Empty(), OrderSide.Buy, 5m, 1000m);

        Assert.Equal(200m, hold.AveragePrice);
    }

    [Fact]
    public void Apply_TwoBuys_AverageIs260()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Buy, 2m, 400m), OrderSide.Buy, 3m, 900m);

        Assert.Equal((5m, 260m), (hold.NetQuantity, hold.AveragePrice));
    }

    [Fact]
    public void Apply_PartialReduce_RealizesAndKeepsAverage()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Buy, 10m, 2000m), OrderSide.Sell, 4m, 1000m);

        Assert.Equal((200m, 6m, 200m), (hold.RealizedPnl, hold.NetQuantity, hold.AveragePrice));
    }

    [Fact]
    public void Apply_SellThroughLong_FlipsAtFillPrice()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Buy, 3m, 600m), OrderSide.Sell, 5m, 1250m);

        Assert.Equal((150m, -2m, 250m, PositionSide.Short), (hold.RealizedPnl, hold.NetQuantity, hold.AveragePrice, hold.Side));
    }

    [Fact]
    public void Apply_BuyBackShort_RealizesEntryMinusExit()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Sell, 2m, 600m), OrderSide.Buy, 1m, 250m);

        Assert.Equal((50m, -1m, 300m), (hold.RealizedPnl, hold.NetQuantity, hold.AveragePrice));
    }

    [Fact]
    public void Apply_ExactClose_IsFlatWithNoAverage()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Buy, 3m, 600m), OrderSide.Sell, 3m, 660m);

        Assert.Equal((0m, 0m, (decimal?)null, (PositionSide?)null, 60m), (hold.NetQuantity, hold.CostBasis, hold.AveragePrice, hold.Side, hold.RealizedPnl));
    }

    [Fact]
    public void Apply_Fills_AccumulateVolumeFeesAndSides()
    {
        var hold = Trade(Trade(Empty(), OrderSide.Buy, 3m, 600m, fee: 0.24m), OrderSide.Sell, 1m, 250m, fee: 0.1m);

        Assert.Equal((850m, 0.34m, 3m, 1m), (hold.Volume, hold.Fees, hold.BoughtQuantity, hold.SoldQuantity));
    }

    [Fact]
    public void Apply_FillWithQuoteFee_UsesFillFigures()
    {
        var hold = Empty().Apply(Fill("t1", 1m, 100m, fee: 0.2m), Usd(0.2m));

        Assert.Equal((1m, 100m, 0.2m), (hold.NetQuantity, hold.AveragePrice, hold.Fees));
    }

    [Fact]
    public void Apply_FeeInOtherAsset_Throws()
    {
        Assert.Throws<ArgumentException>(() => Empty().Apply(Fill("t1", 1m), new Money(0.001m, Bnb)));
    }

    [Fact]
    public void Apply_NullFill_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Empty().Apply(null!, Usd(0m)));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(-1, 1)]
    public void Apply_NonPositiveQuantityOrPrice_Throws(int quantity, int price)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Empty().Apply(OrderSide.Buy, quantity, price, 0m));
    }

    [Fact]
    public void Apply_HedgeLongSideSellFirst_Throws()
    {
        var hold = PositionHold.Empty(s_key with { Side = PositionSide.Long }, Usdt);

        Assert.Throws<ArgumentException>(() => hold.Apply(OrderSide.Sell, 1m, 100m, 0m));
    }

    [Fact]
    public void Apply_HedgeSideOverClose_Throws()
    {
        var hold = PositionHold.Empty(s_key with { Side = PositionSide.Short }, Usdt).Apply(OrderSide.Sell, 1m, 100m, 0m);

        Assert.Throws<ArgumentException>(() => hold.Apply(OrderSide.Buy, 2m, 100m, 0m));
    }

    [Fact]
    public void Apply_HedgeSideReduce_Realizes()
    {
        var hold = PositionHold.Empty(s_key with { Side = PositionSide.Short }, Usdt).Apply(OrderSide.Sell, 2m, 100m, 0m);

        var reduced = hold.Apply(OrderSide.Buy, 1m, 90m, 0m);

        Assert.Equal((10m, -1m), (reduced.RealizedPnl, reduced.NetQuantity));
    }

    [Fact]
    public void Empty_DefaultKey_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => PositionHold.Empty(default, Usdt));
    }

    [Fact]
    public void Empty_DefaultQuote_Throws()
    {
        Assert.ThrowsAny<ArgumentException>(() => PositionHold.Empty(s_key, default));
    }

    [Fact]
    public void UnrealizedPnl_Short_GainsWhenMarkFalls()
    {
        var hold = Trade(Empty(), OrderSide.Sell, 2m, 600m);

        var unrealized = hold.UnrealizedPnl(250m);

        Assert.Equal(100m, unrealized);
    }

    [Fact]
    public void UnrealizedPnl_NonPositiveMark_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Empty().UnrealizedPnl(0m));
    }

    [Fact]
    public void BreakevenPrice_LongWithFee_IsAboveAverage()
    {
        var hold = Empty().Apply(OrderSide.Buy, 1m, 100m, 0.2m);

        Assert.Equal(100.2m, hold.BreakevenPrice);
    }

    [Fact]
    public void BreakevenPrice_ShortWithFeeAndFunding_CountsBoth()
    {
        var hold = Empty().Apply(OrderSide.Sell, 2m, 100m, 0.2m)
            .ApplyFunding(new FundingPayment(Binance, s_key.Symbol, PositionSide.Short, 2m, 100m, 0.0005m, 0.1m, T0));

        Assert.Equal(99.95m, hold.BreakevenPrice);
    }

    [Fact]
    public void ApplyFunding_MatchingLeg_AddsToFundingPnl()
    {
        var payment = FundingPayment.AtSettlement(Binance, s_key.Symbol, PositionSide.Long, 2m, 100m, 0.0001m, T0);

        var hold = Trade(Empty(), OrderSide.Buy, 2m, 200m).ApplyFunding(payment);

        Assert.Equal(-0.02m, hold.FundingPnl);
    }

    [Fact]
    public void ApplyFunding_OtherVenueSameToken_Throws()
    {
        var payment = FundingPayment.AtSettlement(Hyperliquid, s_key.Symbol, PositionSide.Long, 2m, 100m, 0.0001m, T0);

        Assert.Throws<ArgumentException>(() => Empty().ApplyFunding(payment));
    }

    [Fact]
    public void ApplyFunding_OtherHedgeSide_Throws()
    {
        var payment = FundingPayment.AtSettlement(Binance, s_key.Symbol, PositionSide.Short, 2m, 100m, 0.0001m, T0);

        Assert.Throws<ArgumentException>(() => PositionHold.Empty(s_key with { Side = PositionSide.Long }, Usdt).ApplyFunding(payment));
    }

    [Fact]
    public void ApplyFunding_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Empty().ApplyFunding(null!));
    }

    [Fact]
    public void Summary_AtMark_SubtractsFeesFromGlobalPnl()
    {
        var summary = Empty().Apply(OrderSide.Buy, 1m, 100m, 0.2m).Summary(101m);

        Assert.Equal((1m, 0.8m, 100m, PositionSide.Long), (summary.UnrealizedPnl, summary.GlobalPnl, summary.AmountQuote, summary.Side));
    }

    [Fact]
    public void Summary_NonPositiveMark_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Empty().Summary(-1m));
    }

    [Fact]
    public void Apply_AnyFills_RealizedPlusUnrealizedEqualsCashFlows()
    {
        var fills = Gen.ListOf(
            from buy in Gen.Elements(true, false)
            from quantity in Gen.Choose(1, 5_000)
            from price in Gen.Choose(1, 1_000_000)
            select (Side: buy ? OrderSide.Buy : OrderSide.Sell, Quantity: quantity / 1000m, Price: price / 100m), 40);
        var inputs = (from list in fills from mark in Gen.Choose(1, 1_000_000) select (Fills: list, Mark: mark / 100m)).ToArbitrary();

        var property = Prop.ForAll(inputs, input =>
        {
            var hold = Empty();
            var cash = 0m;
            foreach (var (side, quantity, price) in input.Fills)
            {
                hold = hold.Apply(side, quantity, price, 0m);
                cash -= side.Sign() * quantity * price;
            }

            return hold.RealizedPnl + hold.UnrealizedPnl(input.Mark) == cash + hold.NetQuantity * input.Mark;
        });

        PropertyCheck.Run(property);
    }
}
