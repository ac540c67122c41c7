using FundingArb.Venues.Paper;

namespace FundingArb.Node.Configuration;

/// One venue the node trades on (`fundingarb.venues.NAME`): a simulated venue has no URLs or keys; a live connector venue
/// has URLs and keys; a paper connector venue has URLs and its paper account's settings, and no keys. Region is the
/// cluster region its gateway belongs in (the venue's own, or else the node's).
public sealed record NodeVenueSettings(string Name, NodeVenueKind Kind, Uri? RestUrl, Uri? WebSocketUrl, VenueKeys? Keys, string Region)
{
    /// okx-v5 only (`simulated-trading`): signed requests carry `x-simulated-trading: 1`, as OKX's demo trading needs;
    /// a live key sends none.
    public bool SimulatedTrading { get; init; }

    public NodeVenueMode Mode { get; init; } = NodeVenueMode.Live;

    /// The paper account's settings when Mode is Paper, else null.
    public PaperVenueSettings? Paper { get; init; }

    public bool IsPaper => Mode == NodeVenueMode.Paper;

    /// What the node's logs, API and dashboard call the way the venue trades: simulated, live or paper.
    public string ModeName => Kind == NodeVenueKind.Simulated ? "simulated" : IsPaper ? "paper" : "live";

    public static NodeVenueSettings Simulated(string name, string region) => new(name, NodeVenueKind.Simulated, null, null, null, region);
}
