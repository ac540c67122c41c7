using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Funding;

/// One direction of one venue pair: long where funding is lower, short where it is higher. Edges are
/// fractions of one leg's notional: GrossEdge is the funding spread earned over the horizon, NetEdge is
/// that minus entry and exit fees on both legs.
public sealed record FundingOpportunity(
    Asset Asset,
    VenueId LongVenue,
    FundingRate LongRate,
    VenueId ShortVenue,
    FundingRate ShortRate,
    decimal RoundTripFeeRate,
    TimeSpan Horizon)
{
    /// Short-venue rate minus long-venue rate, per day: what the pair collects per unit of notional.
    public decimal SpreadPerDay => ShortRate.PerDay - LongRate.PerDay;

    public decimal AnnualizedSpread => SpreadPerDay * FundingRate.DaysPerYear;

    public decimal GrossEdge => SpreadPerDay * Horizon.Ticks / TimeSpan.TicksPerDay;

    public decimal NetEdge => GrossEdge - RoundTripFeeRate;

    public decimal? DaysToBreakEven => FundingRateAnalyzer.DaysToBreakEven(SpreadPerDay, RoundTripFeeRate);

    public decimal NetEdgeInQuote(decimal notionalPerLeg)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(notionalPerLeg);
        return NetEdge * notionalPerLeg;
    }
}
