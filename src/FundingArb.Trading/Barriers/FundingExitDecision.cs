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
        FundingExitRule.FundingFlip => Format($"funding flip: spread {Measured} per day is below {Threshold}"),
        FundingExitRule.ProfitErosion => Format($"profit erosion: spread is {Measured} of its entry value, below {Threshold}"),
        FundingExitRule.ProfitTarget => Format($"profit target: net {Measured} after exit fees reached {Threshold}"),
        FundingExitRule.TimeLimit => Format($"time limit: open {Measured} s, limit {Threshold} s"),
        FundingExitRule.BetterOpportunity => Format($"better opportunity: {Measured} more edge than this pair, margin {Threshold}"),
        _ => Rule.ToString(),
    };

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
