using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests.Orders;

public sealed class OrderRuleTests
{
    private static readonly Instrument s_sol = new(new VenueId("alpha"), new Symbol("SOLUSDT"), new Asset("SOL"), new Asset("USDT"),
        new TradingRules(tickSize: 0.001m, stepSize: 0.01m, minSize: 0.01m, minNotional: 5m));

    private static FieldRefusal? Check(OrderSide side = OrderSide.Buy, OrderType type = OrderType.Market, decimal quantity = 1m, decimal? price = null,
        bool reduceOnly = false, decimal position = 0m, Instrument? instrument = null) =>
        OrderRule.Check(instrument ?? s_sol, side, type, quantity, price, reduceOnly, mark: 150m, position);

    [Fact]
    public void Check_MarketOrderOnStepAboveMinimums_Passes()
    {
        Assert.Null(Check(quantity: 0.04m));
    }

    [Fact]
    public void Check_QuantityOffStep_NamesQuantityAndRoundsNothing()
    {
        var refusal = Check(quantity: 0.015m);

        Assert.Equal(new FieldRefusal("quantity", "0.015 is not a multiple of the step 0.01 of SOLUSDT on alpha; nothing is rounded"), refusal);
    }

    [Fact]
    public void Check_QuantityBelowOneStep_IsRefusedNotRoundedToZero()
    {
        Assert.Equal("quantity", Check(quantity: 0.004m)?.Field);
    }

    [Fact]
    public void Check_BelowMinimumNotional_NamesQuantityAndTheNotional()
    {
        var refusal = Check(quantity: 0.03m);

        Assert.Equal(new FieldRefusal("quantity", "0.03 at 150 is 4.50 USDT, below the minimum notional 5 of SOLUSDT on alpha"), refusal);
    }

    [Fact]
    public void Check_LimitOutsideThePriceBand_NamesPrice()
    {
        var refusal = Check(type: OrderType.Limit, price: 120m);

        Assert.Equal("price", refusal?.Field);
        Assert.StartsWith("price 120 is outside the band 142.5 to 157.5", refusal?.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LimitWithoutPrice_NamesPrice()
    {
        Assert.Equal("price", Check(type: OrderType.LimitMaker, price: null)?.Field);
    }

    [Fact]
    public void Check_LimitOffTick_NamesPrice()
    {
        Assert.Equal("price", Check(type: OrderType.Limit, price: 150.0005m)?.Field);
    }

    [Fact]
    public void Check_ReduceOnlyWithNoPosition_NamesReduceOnly()
    {
        var refusal = Check(side: OrderSide.Sell, reduceOnly: true, position: 0m);

        Assert.Equal(new FieldRefusal("reduce_only", "a reduce-only Sell needs a long position on SOLUSDT on alpha, and the position is 0"), refusal);
    }

    [Fact]
    public void Check_ReduceOnlyOnTheSideThatWouldGrowThePosition_NamesReduceOnly()
    {
        Assert.Equal("reduce_only", Check(side: OrderSide.Buy, reduceOnly: true, position: 2m)?.Field);
    }

    [Fact]
    public void Check_ReduceOnlyLargerThanThePosition_NamesQuantity()
    {
        Assert.Equal("quantity", Check(side: OrderSide.Buy, quantity: 3m, reduceOnly: true, position: -2m)?.Field);
    }

    [Fact]
    public void Check_ReduceOnlyBelowMinimumNotional_PassesAsVenuesWaiveIt()
    {
        Assert.Null(Check(side: OrderSide.Sell, quantity: 0.01m, reduceOnly: true, position: 0.01m));
    }

    [Fact]
    public void Check_MarketNotTrading_NamesTheSymbol()
    {
        var halted = new Instrument(s_sol.Venue, s_sol.Symbol, s_sol.Base, s_sol.Quote, s_sol.Rules, isTradable: false);

        Assert.Equal("symbol", Check(instrument: halted)?.Field);
    }
}
