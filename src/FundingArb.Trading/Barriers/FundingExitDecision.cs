using System.Globalization;
using FundingArb.Trading.Executors;

namespace FundingArb.Trading.Barriers;

/// Which exit rule fired, if any, with the figure it measured and the threshold it compared it with.
public readonly record struct FundingExitDecision(FundingExitRule Rule, decimal Measured, decimal Threshold)
{
    public static FundingExitDecision Hold => default;

    public bool ShouldExit => Rule != FundingExitRule.None;

    /// The close type the executor records. A flip is a stop loss; erosion and a better pair are early stops.
    public CloseType? CloseType => Rule switch
    {
        FundingExitRule.FundingFlip => Executors.CloseType.StopLoss,
        FundingExitRule.ProfitErosion => Executors.CloseType.EarlyStop,
        FundingExitRule.ProfitTarget => Executors.CloseType.TakeProfit,
        FundingExitRule.TimeLimit => Executors.CloseType.TimeLimit,
        FundingExitRule.BetterOpportunity => Executors.CloseType.EarlyStop,
        _ => null,
    };

    /// A sentence for logs and the console; builds a string, so keep it off the hot path.
    public string Describe() => Rule switch
    {
        FundingExitRule.None => "hold",
        FundingExitRule.FundingFlip => Format($"funding flip: the next settlements' spread {Measured:0.########} per day is below {Threshold:0.########}"),
        FundingExitRule.ProfitErosion => Format($"profit erosion: expected funding {Measured:0.########} over the horizon is below {Threshold:0.########}"),
        FundingExitRule.ProfitTarget => Format($"profit target: net {Measured:0.########} after exit fees reached {Threshold:0.########}"),
        FundingExitRule.TimeLimit => Format($"time limit: open {Measured:0} s, limit {Threshold:0} s"),
        FundingExitRule.BetterOpportunity => Format($"better opportunity: {Measured:0.########} more expected funding than staying, above the switch's cost {Threshold:0.########}"),
        _ => Rule.ToString(),
    };

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
