using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Economics;

/// One market's funding settlement as its venue published it, whether anyone held a position or not: the rate, with
/// its interval, that the period ending At paid (a venue's public funding-rate history lists these).
public sealed record FundingSettlement(VenueId Venue, Asset Asset, FundingRate Rate, DateTimeOffset At);
