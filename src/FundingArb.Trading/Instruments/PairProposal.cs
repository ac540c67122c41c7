namespace FundingArb.Trading.Instruments;

/// A funding-arb pair as someone asks for it: Asset long on one venue's market and short on another's, its money
/// counted in Quote. Nothing about it is checked until PairRule says so.
public sealed record PairProposal(Asset Asset, VenueId LongVenue, Symbol LongSymbol, VenueId ShortVenue, Symbol ShortSymbol, Asset Quote);
