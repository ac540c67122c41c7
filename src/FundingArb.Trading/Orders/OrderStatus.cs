namespace FundingArb.Trading.Orders;

public enum OrderStatus
{
    Initialized,
    Submitted,
    Open,
    PartiallyFilled,
    Filled,
    PendingCancel,
    Canceled,
    Rejected,
    Expired,
    Failed,
}
