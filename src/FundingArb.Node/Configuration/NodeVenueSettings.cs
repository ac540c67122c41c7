namespace FundingArb.Node.Configuration;

/// One venue the node trades on (`fundingarb.venues.NAME`): a simulated venue has no URLs or keys; a connector venue
/// has all three.
public sealed record NodeVenueSettings(string Name, NodeVenueKind Kind, Uri? RestUrl, Uri? WebSocketUrl, VenueKeys? Keys)
{
    /// okx-v5 only (`simulated-trading`): signed requests carry `x-simulated-trading: 1`, as OKX's demo trading needs;
    /// a live key sends none.
    public bool SimulatedTrading { get; init; }

    public static NodeVenueSettings Simulated(string name) => new(name, NodeVenueKind.Simulated, null, null, null);
}
