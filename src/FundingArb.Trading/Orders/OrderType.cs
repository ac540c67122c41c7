namespace FundingArb.Trading.Orders;

public enum OrderType
{
    Limit,

    /// Post-only: the venue refuses or cancels it rather than let it take liquidity.
    LimitMaker,
    Market,
}
