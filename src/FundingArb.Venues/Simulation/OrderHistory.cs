using System.Collections.Immutable;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation;

/// One accepted order as the venue recorded it, with every event in the order it happened at the venue, and the market's
/// mid when it reached the venue (null for an order restored from a snapshot written before the venue kept it).
public sealed record OrderHistory(TrackedOrder Order, ImmutableArray<OrderEvent> Events, decimal? ArrivalMid);
