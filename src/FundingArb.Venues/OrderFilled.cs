using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues;

/// One execution: price, base quantity, fee and maker/taker role are in Fill. FilledQuantity is the order's
/// cumulative fill and Status its status at the venue once this fill counted.
public sealed record OrderFilled(VenueId Venue, long Sequence, DateTimeOffset At, Symbol Symbol, Fill Fill, decimal FilledQuantity,
    OrderStatus Status) : UserEvent(Venue, Sequence, At);
