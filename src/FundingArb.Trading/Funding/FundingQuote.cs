using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Funding;

/// One venue's current funding rate for an asset, as observed at ObservedAt.
public sealed record FundingQuote
{
    public FundingQuote(VenueId venue, Asset asset, FundingRate rate, DateTimeOffset observedAt)
    {
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentException.ThrowIfNullOrEmpty(asset.Code, nameof(asset));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(rate.Interval, TimeSpan.Zero, nameof(rate));
        Venue = venue;
        Asset = asset;
        Rate = rate;
        ObservedAt = observedAt;
    }

    public VenueId Venue { get; }

    public Asset Asset { get; }

    public FundingRate Rate { get; }

    public DateTimeOffset ObservedAt { get; }
}
