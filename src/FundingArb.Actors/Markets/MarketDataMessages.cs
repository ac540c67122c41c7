using System.Collections.Immutable;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Markets;

/// Answered with MarketSnapshot: every market known so far.
public sealed record GetMarketSnapshot : IClusterMessage
{
    public static GetMarketSnapshot Instance { get; } = new();
}

public sealed record MarketSnapshot(ImmutableArray<MarketQuote> Markets, DateTimeOffset At) : IClusterMessage;

/// The sender receives MarketUpdated for the market (venue, symbol) at every refresh, the current one at once.
public sealed record SubscribeMarket(VenueId Venue, Symbol Symbol) : IClusterMessage;

public sealed record UnsubscribeMarket(VenueId Venue, Symbol Symbol) : IClusterMessage;

/// The sender receives MarketUpdated for every market.
public sealed record SubscribeAllMarkets : IClusterMessage
{
    public static SubscribeAllMarkets Instance { get; } = new();
}

public sealed record MarketUpdated(MarketQuote Quote) : IClusterMessage;
