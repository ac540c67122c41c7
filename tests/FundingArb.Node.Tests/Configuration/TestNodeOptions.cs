using Microsoft.Extensions.Configuration;

namespace FundingArb.Node.Tests.Configuration;

/// Settings shaped as the style guide asks: a sealed record with init members and defaults. HOCON keys are
/// kebab-case, which the binder does not map to PascalCase by itself: ConfigurationKeyName does.
public sealed record TestNodeOptions
{
    public string Name { get; init; } = "";

    public int Port { get; init; }

    [ConfigurationKeyName("max-notional")]
    public decimal MaxNotional { get; init; }

    public bool Enabled { get; init; }

    [ConfigurationKeyName("heartbeat-interval")]
    public string HeartbeatInterval { get; init; } = "";

    public IReadOnlyList<string> Roles { get; init; } = [];

    public IReadOnlyList<TestVenueOptions> Venues { get; init; } = [];
}
