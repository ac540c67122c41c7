using FundingArb.Actors.Control;

namespace FundingArb.Actors.Orchestration;

/// The orchestrator's policy (`fundingarb.actors.orchestrator`) and the strategy it runs.
public sealed record OrchestratorSettings
{
    /// Run the funding-arb controller, which proposes pairs on its own.
    public bool ControllerEnabled { get; init; } = true;

    public string ControllerId { get; init; } = "funding-arb";

    /// An executor that keeps failing is restarted at most this often within the window, then respawned after a backoff.
    public int MaxRestarts { get; init; } = 10;

    public TimeSpan RestartWindow { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan RespawnBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// An executor whose recovery fails is started again at most this many times in all (the first start included),
    /// RecoveryBackoff after the first failure and twice as long after each next one, up to RecoveryMaxBackoff.
    public int RecoveryAttempts { get; init; } = 5;

    public TimeSpan RecoveryBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RecoveryMaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// How long the orchestrator waits for a pair to acknowledge a HostPair or a stop before it sends it again.
    public TimeSpan RedeliveryInterval { get; init; } = TimeSpan.FromSeconds(2);

    public FundingArbSettings Strategy { get; init; } = FundingArbSettings.Default;

    public static OrchestratorSettings Default { get; } = new();
}
