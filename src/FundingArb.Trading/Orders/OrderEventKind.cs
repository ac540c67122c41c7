namespace FundingArb.Trading.Orders;

public enum OrderEventKind
{
    Submitted,
    Accepted,
    Rejected,
    Filled,
    CancelRequested,
    CancelRejected,
    Canceled,
    Expired,
    Failed,
}
