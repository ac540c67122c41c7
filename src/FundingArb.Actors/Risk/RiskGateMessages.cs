using FundingArb.Actors.Wire;

namespace FundingArb.Actors.Risk;

/// Stop new exposure: no new pair is accepted; with CloseAll every active pair is also closed (EARLY_STOP).
/// Answered with the new RiskStatus. Survives restarts until released.
public sealed record EngageKillSwitch(string Reason, bool CloseAll) : IClusterMessage;

/// Answered with the new RiskStatus.
public sealed record ReleaseKillSwitch : IClusterMessage
{
    public static ReleaseKillSwitch Instance { get; } = new();
}

public sealed record GetRiskStatus : IClusterMessage
{
    public static GetRiskStatus Instance { get; } = new();
}

/// The gate's verdict on new pairs and what it rests on. Published on the event stream whenever it changes, and
/// the answer to GetRiskStatus. DailyPnlQuote counts every pair's net PnL change since the start of the UTC day.
public sealed record RiskStatus(
    bool KillSwitchEngaged,
    string? KillSwitchReason,
    bool CloseAll,
    decimal DailyPnlQuote,
    decimal? DailyLossLimit,
    int OpenPairs,
    int? MaxOpenPairs,
    string? Refusal,
    DateTimeOffset At) : IClusterMessage
{
    public bool NewPairsAllowed => Refusal is null;
}
