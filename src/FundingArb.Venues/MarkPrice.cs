using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// Mark and index (or oracle) price of one market at At.
public sealed record MarkPrice(VenueId Venue, Symbol Symbol, decimal Mark, decimal Index, DateTimeOffset At);
