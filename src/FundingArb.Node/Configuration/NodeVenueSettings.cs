namespace FundingArb.Node.Configuration;

/// One venue the node trades on (`fundingarb.venues.NAME`): a simulated venue has no URLs or keys; a connector venue
/// has all three. Region is the cluster region its gateway belongs in (the venue's own, or else the node's).
public sealed record NodeVenueSettings(string Name, NodeVenueKind Kind, Uri? RestUrl, Uri? WebSocketUrl, VenueKeys? Keys, string Region)
{
    public static NodeVenueSettings Simulated(string name, string region) => new(name, NodeVenueKind.Simulated, null, null, null, region);
}
