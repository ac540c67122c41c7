namespace FundingArb.Trading.Orders;

/// What moves an order between states. A fill is PartialFill or Fill depending on whether it completes the order.
public enum OrderTrigger
{
    Submit,
    Accept,
    Reject,
    PartialFill,
    Fill,
    CancelRequest,
    CancelReject,
    Cancel,
    Expire,
    Fail,
}
