using System.Collections.Immutable;

namespace FundingArb.Actors.Tracking;

/// Execution quality over the orders seen so far. FillRate is filled over requested quantity; slippage is adverse
/// (positive = paid more than expected) in basis points, averaged over orders that had an expected price.
public sealed record ExecutionStatistics(
    int Orders,
    int FilledOrders,
    decimal FillRate,
    decimal? AverageSlippageBps,
    double? MedianTimeToFillMs,
    ImmutableArray<ModeStatistics> ByMode)
{
    public static ExecutionStatistics Empty { get; } = new(0, 0, 0m, null, null, []);
}

/// The same figures for the orders of one type (market, limit, post-only): the execution mode used.
public sealed record ModeStatistics(string Mode, int Orders, int FilledOrders, decimal FillRate, decimal? AverageSlippageBps, double? MedianTimeToFillMs);
