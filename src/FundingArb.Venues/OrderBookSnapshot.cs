using System.Collections.Immutable;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;

namespace FundingArb.Venues;

/// The top of one market's book: bids best (highest) first, asks best (lowest) first, sizes in base units.
/// Sequence increases with every book the venue publishes for the market, so a reader can spot a gap.
public sealed record OrderBookSnapshot(
    VenueId Venue,
    Symbol Symbol,
    ImmutableArray<BookLevel> Bids,
    ImmutableArray<BookLevel> Asks,
    long Sequence,
    DateTimeOffset At)
{
    public decimal? BestBid => Bids.IsDefaultOrEmpty ? null : Bids[0].Price;

    public decimal? BestAsk => Asks.IsDefaultOrEmpty ? null : Asks[0].Price;
}
