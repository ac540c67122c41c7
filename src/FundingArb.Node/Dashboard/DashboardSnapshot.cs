using System.Collections.Immutable;
using FundingArb.Actors.Tracking;
using FundingArb.Node.Api;

namespace FundingArb.Node.Dashboard;

// What the dashboard draws, once per interval, as GET /api/v1/dashboard and the `snapshot` events of
// GET /api/v1/stream (snake_case JSON). Rates are fractions (0.0001 = 0.01 %); money is in the pair's quote asset.

/// Everything the dashboard shows at one instant of the market clock.
public sealed record DashboardSnapshot(
    string Node,
    DateTimeOffset At,
    double Speed,
    ImmutableArray<VenueView> Venues,
    ImmutableArray<OpportunityView> Opportunities,
    ImmutableArray<PairView> Pairs,
    ImmutableArray<PositionView> Positions,
    ImmutableArray<NetDeltaView> NetDelta,
    ImmutableArray<EquityView> Equity,
    ImmutableArray<PairEventView> Events,
    ExecutionView Execution,
    TotalsView Totals,
    EconomicsView Economics);

/// Mode: simulated (in process), live (a connector on the account behind its keys) or paper (a connector's market data,
/// orders filled by the node's paper account).
public sealed record VenueView(string Venue, string Mode, bool Connected, ImmutableArray<MarketView> Markets);

public sealed record MarketView(string Symbol, string Asset, string Quote, decimal Mid, decimal FundingRate, decimal FundingRatePerDay, double IntervalHours,
    DateTimeOffset NextFundingAt);

/// One direction of one venue pair. Gross edge is the funding spread per day; net edge per day spreads the round-trip
/// fees over the controller's horizon.
public sealed record OpportunityView(string Asset, string LongVenue, string ShortVenue, decimal NetEdgePerDay, decimal GrossEdgePerDay, decimal Annualized);

/// Node is the cluster address of the node running the executor.
public sealed record PairView(string Id, string Asset, string LongVenue, string LongSymbol, string ShortVenue, string ShortSymbol, string Phase, string Status,
    string? CloseType, string? CloseReason, DateTimeOffset? OpenedAt, DateTimeOffset? ClosedAt, decimal SizeQuote, decimal LongQuantity,
    decimal ShortQuantity, int Orders, decimal FundingQuote, decimal FeesQuote, decimal TradePnlQuote, decimal NetPnlQuote, HaltView? Halt, string Node);

/// Why an executor stopped managing its pair: kind is stranded, rule_broken or recovery_failed.
public sealed record HaltView(string Kind, string Reason);

/// Size is signed base (negative: short).
public sealed record PositionView(string Venue, string Symbol, string Asset, decimal Size, decimal NotionalQuote, decimal UnrealizedPnlQuote, decimal FundingQuote);

/// The asset's size summed over every venue: a hedged book keeps it near zero.
public sealed record NetDeltaView(string Asset, decimal Size, decimal NotionalQuote);

public sealed record EquityView(DateTimeOffset At, decimal NetPnlQuote);

/// Kind: opening, entered, closing, rolled_back, closed.
public sealed record PairEventView(DateTimeOffset At, string ExecutorId, string Kind, string Text, string? CloseType);

public sealed record ExecutionView(int Orders, int FilledOrders, decimal FillRate, decimal? AvgSlippageBps, double? MedianTimeToFillMs,
    ImmutableArray<ModeView> ByMode)
{
    public static ExecutionView From(ExecutionStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return new ExecutionView(statistics.Orders, statistics.FilledOrders, statistics.FillRate, statistics.AverageSlippageBps, statistics.MedianTimeToFillMs,
            [.. statistics.ByMode.Select(m => new ModeView(m.Mode, m.Orders, m.FillRate, m.AverageSlippageBps))]);
    }
}

public sealed record ModeView(string Mode, int Orders, decimal FillRate, decimal? AvgSlippageBps);

public sealed record TotalsView(int PairsOpen, int PairsTotal, decimal NetPnlQuote, decimal FundingQuote, decimal FeesQuote);
