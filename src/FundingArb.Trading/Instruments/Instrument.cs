namespace FundingArb.Trading.Instruments;

/// One tradable market on one venue. The same asset on two venues is two instruments with their own rules.
public sealed record Instrument
{
    public Instrument(VenueId venue, Symbol symbol, Asset baseAsset, Asset quoteAsset, TradingRules rules, InstrumentKind kind = InstrumentKind.Perpetual,
        bool isTradable = true)
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
        Kind = kind;
        IsTradable = isTradable;
    }

    public VenueId Venue { get; }

    public Symbol Symbol { get; }

    public Asset Base { get; }

    /// The asset the market is quoted, margined and settled in (USDT on a USDT-margined perpetual).
    public Asset Quote { get; }

    public TradingRules Rules { get; }

    public InstrumentKind Kind { get; }

    /// False while the venue takes no orders on the market (halted, settling, delisting).
    public bool IsTradable { get; }
}
