using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues;

/// A venue's funding state for one market at At. Rate is the current period's rate per its own interval (positive:
/// longs pay shorts), the live estimate that settles at NextFundingTime; PredictedNextRate is the venue's estimate
/// for the period after that (OKX's nextFundingRate), equal to Rate where the venue publishes no better figure.
/// The interval is per market and may change at run time (Binance moves capped symbols to 1 h): read it here,
/// every time, never assume it.
public sealed record FundingInfo(
    VenueId Venue,
    Symbol Symbol,
    FundingRate Rate,
    decimal PredictedNextRate,
    DateTimeOffset NextFundingTime,
    decimal MarkPrice,
    decimal IndexPrice,
    PriceBasis Basis,
    DateTimeOffset At)
{
    public TimeSpan Interval => Rate.Interval;

    /// The price the next payment multiplies in, were it settled now.
    public decimal BasisPrice => Basis == PriceBasis.Mark ? MarkPrice : IndexPrice;

    /// The quote Trading's FundingRateAnalyzer compares across venues.
    public FundingQuote ToQuote(Asset asset) => new(Venue, asset, Rate, At);
}
