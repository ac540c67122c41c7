using FundingArb.Trading.Orders;

namespace FundingArb.Venues;

/// The venue's answer to a new order: it received the order and gave it VenueOrderId. Status and FilledQuantity
/// are as of the answer (a market order is usually Filled or Expired already; an ack-only venue says Open).
public sealed record OrderAck(ClientOrderId ClientOrderId, string VenueOrderId, OrderStatus Status, decimal FilledQuantity, DateTimeOffset At);
