using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;

namespace FundingArb.Actors.Hosting;

/// Everything the node's actors are configured with.
public sealed record NodeActorSettings
{
    public VenueGatewaySettings Gateway { get; init; } = VenueGatewaySettings.Default;

    public MarketDataSettings MarketData { get; init; } = MarketDataSettings.Default;

    public OrchestratorSettings Orchestrator { get; init; } = OrchestratorSettings.Default;

    public RiskGateSettings Risk { get; init; } = RiskGateSettings.Default;

    public static NodeActorSettings Default { get; } = new();
}
