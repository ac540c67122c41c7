using FundingArb.Trading.Instruments;
using FundingArb.Venues;

namespace FundingArb.Actors.Markets;

/// One market as last fetched: its instrument, funding state and book, all from one moment.
public sealed record MarketQuote(Instrument Instrument, FundingInfo Funding, OrderBookSnapshot Book)
{
    public decimal? Mid => Book.BestBid is { } bid && Book.BestAsk is { } ask ? (bid + ask) / 2m : null;
}
