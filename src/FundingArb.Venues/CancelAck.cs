using FundingArb.Trading.Orders;

namespace FundingArb.Venues;

/// The venue's answer to a cancel: the order stopped working with FilledQuantity filled. A fill matched before the
/// cancel can still arrive on the stream after this answer (the streams race); count it.
public sealed record CancelAck(ClientOrderId ClientOrderId, OrderStatus Status, decimal FilledQuantity, DateTimeOffset At);
