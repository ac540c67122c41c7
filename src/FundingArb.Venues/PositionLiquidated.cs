using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// The venue closed a position because the account's equity fell below its maintenance margin. Quantity is the
/// signed position that was closed (positive: a long was sold), at Price; InsuranceCover is what the venue's
/// insurance fund paid so the wallet did not go below zero.
public sealed record PositionLiquidated(VenueId Venue, long Sequence, DateTimeOffset At, Symbol Symbol, decimal Quantity, decimal Price,
    decimal RealizedPnl, decimal InsuranceCover) : UserEvent(Venue, Sequence, At);
