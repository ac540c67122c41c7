using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues;

/// An order changed state at the venue (Accepted, Canceled, Expired). Event applies to a TrackedOrder as it is;
/// Status is the order's status at the venue afterwards.
public sealed record OrderUpdated(VenueId Venue, long Sequence, DateTimeOffset At, Symbol Symbol, ClientOrderId ClientOrderId,
    OrderEvent Event, OrderStatus Status) : UserEvent(Venue, Sequence, At);
