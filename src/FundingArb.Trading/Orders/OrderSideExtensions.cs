namespace FundingArb.Trading.Orders;

public static class OrderSideExtensions
{
    public static OrderSide Opposite(this OrderSide side) => side == OrderSide.Buy ? OrderSide.Sell : OrderSide.Buy;

    /// +1 for a buy, -1 for a sell: the sign a fill gives to a net position.
    public static int Sign(this OrderSide side) => side == OrderSide.Buy ? 1 : -1;
}
