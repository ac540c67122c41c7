namespace FundingArb.Node.Configuration;

/// How the node reaches a venue: in process (the simulation's venue) or through a real connector over the network.
public enum NodeVenueKind
{
    Simulated,
    BinanceUsdm,
    BybitV5,
    OkxV5,
}
