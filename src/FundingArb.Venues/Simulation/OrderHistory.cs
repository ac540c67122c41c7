using System.Collections.Immutable;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

/// One accepted order as the venue recorded it, with every event in the order it happened at the venue.
public sealed record OrderHistory(TrackedOrder Order, ImmutableArray<OrderEvent> Events);
