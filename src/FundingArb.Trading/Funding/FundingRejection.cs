using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Funding;

/// Why a funding quote was not used. Actual and Limit are set where the reason is a number out of range.
public sealed record FundingRejection(VenueId Venue, FundingRejectionReason Reason, string Message, decimal? Actual = null, decimal? Limit = null);
