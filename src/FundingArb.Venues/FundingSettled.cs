using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// A funding settlement on an open position: Payment.Amount is positive when received, and is already in the wallet.
public sealed record FundingSettled(VenueId Venue, long Sequence, DateTimeOffset At, FundingPayment Payment) : UserEvent(Venue, Sequence, At);
