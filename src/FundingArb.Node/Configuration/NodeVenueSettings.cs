namespace FundingArb.Node.Configuration;

/// One venue the node trades on (`fundingarb.venues.NAME`): a simulated venue has no URLs or keys; a connector venue
/// has all three.
public sealed record NodeVenueSettings(string Name, NodeVenueKind Kind, Uri? RestUrl, Uri? WebSocketUrl, VenueKeys? Keys)
{
    public static NodeVenueSettings Simulated(string name) => new(name, NodeVenueKind.Simulated, null, null, null);
}
