namespace FundingArb.Trading.Instruments;

/// One tradable market on one venue. The same asset on two venues is two instruments with their own rules.
public sealed record Instrument
{
    public Instrument(VenueId venue, Symbol symbol, Asset baseAsset, Asset quoteAsset, TradingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentException.ThrowIfNullOrEmpty(venue.Value, nameof(venue));
        ArgumentException.ThrowIfNullOrEmpty(symbol.Value, nameof(symbol));
        if (baseAsset == quoteAsset)
        {
            throw new ArgumentException($"Base and quote are both {baseAsset.Code}.", nameof(quoteAsset));
        }

        Venue = venue;
        Symbol = symbol;
        Base = baseAsset;
        Quote = quoteAsset;
        Rules = rules;
    }

    public VenueId Venue { get; }

    public Symbol Symbol { get; }

    public Asset Base { get; }

    public Asset Quote { get; }

    public TradingRules Rules { get; }
}
