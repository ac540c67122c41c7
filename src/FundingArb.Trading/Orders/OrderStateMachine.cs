namespace FundingArb.Trading.Orders;

// Invariant: an order changes status only along an edge of this table; everything not listed is illegal.
// Each edge is one line; the surprising ones say which real-world sequence needs them.
public static class OrderStateMachine
{
    public static OrderStatus? Next(OrderStatus from, OrderTrigger trigger) => (from, trigger) switch
    {
        (OrderStatus.Initialized, OrderTrigger.Submit) => OrderStatus.Submitted,
        (OrderStatus.Initialized, OrderTrigger.Reject) => OrderStatus.Rejected, // refused before sending: risk gate or rules
        (OrderStatus.Initialized, OrderTrigger.Fail) => OrderStatus.Failed, // the send itself failed; the venue never saw it
        (OrderStatus.Initialized, OrderTrigger.Cancel) => OrderStatus.Canceled, // withdrawn before it was sent

        (OrderStatus.Submitted, OrderTrigger.Accept) => OrderStatus.Open,
        (OrderStatus.Submitted, OrderTrigger.Reject) => OrderStatus.Rejected,
        (OrderStatus.Submitted, OrderTrigger.PartialFill) => OrderStatus.PartiallyFilled, // the fill outran the ack (Bybit acks only on the stream)
        (OrderStatus.Submitted, OrderTrigger.Fill) => OrderStatus.Filled, // a market or IOC order filled before its ack arrived
        (OrderStatus.Submitted, OrderTrigger.CancelRequest) => OrderStatus.PendingCancel, // cancel sent while the ack is still in flight
        (OrderStatus.Submitted, OrderTrigger.Cancel) => OrderStatus.Canceled, // post-only accepted then cancelled before its ack reached us (Bybit, OKX)
        (OrderStatus.Submitted, OrderTrigger.Expire) => OrderStatus.Expired, // IOC or FOK with nothing to match, reported without an ack
        (OrderStatus.Submitted, OrderTrigger.Fail) => OrderStatus.Failed, // the send timed out and reconciliation found no such order

        (OrderStatus.Open, OrderTrigger.Accept) => OrderStatus.Open, // a reconnect replays order updates
        (OrderStatus.Open, OrderTrigger.PartialFill) => OrderStatus.PartiallyFilled,
        (OrderStatus.Open, OrderTrigger.Fill) => OrderStatus.Filled,
        (OrderStatus.Open, OrderTrigger.CancelRequest) => OrderStatus.PendingCancel,
        (OrderStatus.Open, OrderTrigger.Cancel) => OrderStatus.Canceled, // cancelled by the venue: self-trade prevention, liquidation, maintenance
        (OrderStatus.Open, OrderTrigger.Expire) => OrderStatus.Expired,

        (OrderStatus.PartiallyFilled, OrderTrigger.Accept) => OrderStatus.PartiallyFilled, // the ack arrived after the first fill
        (OrderStatus.PartiallyFilled, OrderTrigger.PartialFill) => OrderStatus.PartiallyFilled,
        (OrderStatus.PartiallyFilled, OrderTrigger.Fill) => OrderStatus.Filled,
        (OrderStatus.PartiallyFilled, OrderTrigger.CancelRequest) => OrderStatus.PendingCancel,
        (OrderStatus.PartiallyFilled, OrderTrigger.Cancel) => OrderStatus.Canceled, // the remainder is cancelled; the fills stay counted
        (OrderStatus.PartiallyFilled, OrderTrigger.Expire) => OrderStatus.Expired, // an IOC remainder after a partial match

        (OrderStatus.PendingCancel, OrderTrigger.Accept) => OrderStatus.PendingCancel, // our cancel overtook the ack
        (OrderStatus.PendingCancel, OrderTrigger.PartialFill) => OrderStatus.PendingCancel, // fills keep arriving until the cancel lands
        (OrderStatus.PendingCancel, OrderTrigger.Fill) => OrderStatus.Filled, // it filled before the cancel reached the matching engine
        (OrderStatus.PendingCancel, OrderTrigger.CancelRequest) => OrderStatus.PendingCancel, // a retried cancel
        (OrderStatus.PendingCancel, OrderTrigger.CancelReject) => OrderStatus.Open, // still working; TrackedOrder reads Open with fills as PartiallyFilled
        (OrderStatus.PendingCancel, OrderTrigger.Cancel) => OrderStatus.Canceled,
        (OrderStatus.PendingCancel, OrderTrigger.Expire) => OrderStatus.Expired,

        (OrderStatus.Canceled, OrderTrigger.PartialFill) => OrderStatus.Canceled, // matched before the cancel, reported after it: the streams race
        (OrderStatus.Canceled, OrderTrigger.Fill) => OrderStatus.Filled, // that late fill was the rest of the order
        (OrderStatus.Expired, OrderTrigger.PartialFill) => OrderStatus.Expired, // the same race with an expiry
        (OrderStatus.Expired, OrderTrigger.Fill) => OrderStatus.Filled,

        _ => null,
    };

    public static bool CanApply(OrderStatus from, OrderTrigger trigger) => Next(from, trigger) is not null;

    /// Terminal: no longer working at the venue. Canceled and Expired still take late fills (see the table).
    public static bool IsTerminal(OrderStatus status) => status is
        OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Rejected or OrderStatus.Expired or OrderStatus.Failed;
}
