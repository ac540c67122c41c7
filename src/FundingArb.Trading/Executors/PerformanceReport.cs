using System.Collections.Immutable;
using FundingArb.Trading.Positions;

namespace FundingArb.Trading.Executors;

/// A controller's performance. The Percent figures are of volume traded and in percent (1.5 = 1.5 %), as in
/// Hummingbot, where the executors' own figures are fractions.
public sealed record PerformanceReport(
    decimal RealizedPnlQuote,
    decimal UnrealizedPnlQuote,
    decimal VolumeTraded,
    ImmutableArray<CloseTypeCount> CloseTypeCounts,
    ImmutableArray<PositionSummary> Positions)
{
    public decimal GlobalPnlQuote => RealizedPnlQuote + UnrealizedPnlQuote;

    public decimal RealizedPnlPercent => PercentOfVolume(RealizedPnlQuote);

    public decimal UnrealizedPnlPercent => PercentOfVolume(UnrealizedPnlQuote);

    public decimal GlobalPnlPercent => PercentOfVolume(GlobalPnlQuote);

    /// Done executors count as realized, running ones as unrealized. A done POSITION_HOLD executor adds no PnL
    /// or volume itself: its fills live on in the positions, which add their realized PnL and funding net of
    /// their fees (Hummingbot leaves the positions' fees out).
    public static PerformanceReport Build(IEnumerable<ExecutorInfo> executors, IEnumerable<PositionSummary> positions)
    {
        ArgumentNullException.ThrowIfNull(executors);
        ArgumentNullException.ThrowIfNull(positions);
        decimal realized = 0m, unrealized = 0m, volume = 0m;
        var counts = new SortedDictionary<CloseType, int>();
        foreach (var executor in executors)
        {
            ArgumentNullException.ThrowIfNull(executor, nameof(executors));
            if (executor.CloseType is { } closeType)
            {
                counts[closeType] = counts.GetValueOrDefault(closeType) + 1;
            }

            if (!executor.IsDone)
            {
                unrealized += executor.NetPnlQuote;
                volume += executor.FilledAmountQuote;
            }
            else if (executor.CloseType != CloseType.PositionHold)
            {
                realized += executor.NetPnlQuote;
                volume += executor.FilledAmountQuote;
            }
        }

        var summaries = positions.ToImmutableArray();
        foreach (var position in summaries)
        {
            ArgumentNullException.ThrowIfNull(position, nameof(positions));
            realized += position.RealizedPnl + position.FundingPnl - position.Fees;
            unrealized += position.UnrealizedPnl;
            volume += position.Volume;
        }

        var closeTypeCounts = counts.Select(pair => new CloseTypeCount(pair.Key, pair.Value)).ToImmutableArray();
        return new PerformanceReport(realized, unrealized, volume, closeTypeCounts, summaries);
    }

    private decimal PercentOfVolume(decimal value) => VolumeTraded == 0m ? 0m : value / VolumeTraded * 100m;
}
