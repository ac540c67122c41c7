using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Pairs;

/// What a funding-arb executor trades: Asset long on one venue's market, short on another's, SizeQuote per leg.
/// Plain values, so the orchestrator's registry stays readable in any journal.
public sealed record PairSpec(string ExecutorId, string Asset, string LongVenue, string LongSymbol, string ShortVenue, string ShortSymbol, string Quote, decimal SizeQuote)
{
    public VenueId LongVenueId => new(LongVenue);

    public VenueId ShortVenueId => new(ShortVenue);

    public Symbol LongSymbolId => new(LongSymbol);

    public Symbol ShortSymbolId => new(ShortSymbol);

    public PairProposal ToProposal() => new(new Asset(Asset), LongVenueId, LongSymbolId, ShortVenueId, ShortSymbolId, new Asset(Quote));

    /// pair-ASSET-LONG-SHORT; the orchestrator appends a generation when the pair is entered again.
    public static string BaseId(string asset, string longVenue, string shortVenue) => $"pair-{asset}-{longVenue}-{shortVenue}";
}
