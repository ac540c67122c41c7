using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Economics;

/// One market's funding settlement as its venue published it, whether anyone held a position or not: the rate, with
/// its interval, that the period ending At paid (a venue's public funding-rate history lists these). Asset is the
/// market's base asset.
public sealed record FundingSettlement(VenueId Venue, Symbol Symbol, Asset Asset, FundingRate Rate, DateTimeOffset At)
{
    /// The price this settlement's payments multiplied in (the venue's mark, index or oracle), which a venue's public
    /// history publishes beside the rate (Binance's fundingRate.markPrice); null where it was not recorded.
    public decimal? BasisPrice { get; init; }
}
