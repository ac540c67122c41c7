namespace FundingArb.Trading.Orders;

public enum OrderSide
{
    Buy,
    Sell,
}
