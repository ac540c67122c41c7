using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// One event of a venue's private stream. Sequence increases by one per event the venue produces, so a reader
/// that sees a gap knows it missed something (a disconnect) and must reconcile. At is when it happened at the venue.
public abstract record UserEvent(VenueId Venue, long Sequence, DateTimeOffset At);
