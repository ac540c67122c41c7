namespace FundingArb.Trading.Orders;

public enum LiquidityRole
{
    Maker,
    Taker,
}
