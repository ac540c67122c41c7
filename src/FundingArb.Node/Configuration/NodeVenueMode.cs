namespace FundingArb.Node.Configuration;

/// How a connector venue trades (`fundingarb.venues.NAME.mode`): with the account behind its keys, or on paper (the
/// venue's public market data, orders filled by a local simulated account against its live book).
public enum NodeVenueMode
{
    Live,
    Paper,
}
