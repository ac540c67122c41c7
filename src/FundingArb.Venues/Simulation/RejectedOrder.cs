using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation;

/// A request the venue refused before recording it (its client order id stays unused), kept for reports.
public sealed record RejectedOrder(OrderRequest Request, VenueError Error, string Message, DateTimeOffset At);
