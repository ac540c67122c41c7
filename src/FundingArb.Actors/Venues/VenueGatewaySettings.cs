namespace FundingArb.Actors.Venues;

/// How a gateway paces requests and reconnects its stream (`fundingarb.actors.gateway`).
public sealed record VenueGatewaySettings
{
    /// Requests per second the gateway lets through; more wait in order.
    public decimal RequestsPerSecond { get; init; } = 50m;

    /// Requests that may go at once after a quiet spell.
    public int Burst { get; init; } = 20;

    public TimeSpan ReconnectMinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    public static VenueGatewaySettings Default { get; } = new();
}
