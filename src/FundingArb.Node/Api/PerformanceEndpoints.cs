using FundingArb.Actors.Pairs;
using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;
using FundingArb.Trading.Analytics;
using FundingArb.Trading.Executors;

namespace FundingArb.Node.Api;

public sealed record ControllerPerformance(string ControllerId, PerformanceView Report);

/// PerformanceReport's figures (percentages of volume, as Hummingbot reports them) with its derived totals.
public sealed record PerformanceView(decimal RealizedPnlQuote, decimal UnrealizedPnlQuote, decimal GlobalPnlQuote, decimal VolumeTraded,
    decimal RealizedPnlPercent, decimal UnrealizedPnlPercent, decimal GlobalPnlPercent, IReadOnlyList<CloseTypeCountView> CloseTypeCounts)
{
    public static PerformanceView Of(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new PerformanceView(report.RealizedPnlQuote, report.UnrealizedPnlQuote, report.GlobalPnlQuote, report.VolumeTraded, report.RealizedPnlPercent,
            report.UnrealizedPnlPercent, report.GlobalPnlPercent, [.. report.CloseTypeCounts.Select(c => new CloseTypeCountView(ApiNames.Of(c.CloseType), c.Count))]);
    }
}

public sealed record CloseTypeCountView(string CloseType, int Count);

/// Economics covers the same executors, and the oracle the funding the venues settled in the range.
public sealed record PerformanceResponse(DateTimeOffset? From, DateTimeOffset? To, PerformanceView Overall, IReadOnlyList<ControllerPerformance> Controllers,
    EconomicsView Economics);

/// Trade statistics over closed pairs and risk figures over the hourly equity curve.
public sealed record StatisticsResponse(DateTimeOffset? From, DateTimeOffset? To, TradeStatistics Trades, EquityStatistics? Equity);

/// /api/v1/performance and /api/v1/statistics, both with an optional `from`/`to` range of the executors' activity.
public static class PerformanceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/performance", async (HttpRequest request, NodeRuntime node, CancellationToken ct) =>
        {
            if (!QueryValues.TryInstant(request, "from", out var from, out var problem) || !QueryValues.TryInstant(request, "to", out var to, out problem))
            {
                return problem!;
            }

            var controllerId = node.Settings.Actors.Orchestrator.ControllerId;
            var reports = (await node.GetExecutorsAsync(ct).ConfigureAwait(false)).Where(r => InRange(r, from, to)).ToList();
            var report = PerformanceView.Of(PerformanceReport.Build(reports.Select(r => r.ToExecutorInfo(controllerId)), []));
            return Results.Ok(new PerformanceResponse(from, to, report, [new ControllerPerformance(controllerId, report)],
                EconomicsView.Of(node.EconomicsOf(reports, from, to), node.ConnectorVenueNames)));
        });

        api.MapGet("/statistics", async (HttpRequest request, NodeRuntime node, DashboardFeed feed, CancellationToken ct) =>
        {
            if (!QueryValues.TryInstant(request, "from", out var from, out var problem) || !QueryValues.TryInstant(request, "to", out var to, out problem))
            {
                return problem!;
            }

            var closed = (await node.GetExecutorsAsync(ct).ConfigureAwait(false))
                .Where(r => r is { Phase: PairPhase.Closed, OpenedAt: not null, ClosedAt: not null } && InRange(r, from, to))
                .Select(r => new ClosedTrade(r.OpenedAt!.Value, r.ClosedAt!.Value, r.NetPnlQuote, r.FundingQuote, r.FeesQuote));
            var curve = feed.EquityCurve.Where(p => (from is null || p.At >= from) && (to is null || p.At < to)).ToList();
            return Results.Ok(new StatisticsResponse(from, to, TradeAnalytics.Trades(closed),
                curve.Count >= 2 ? TradeAnalytics.Equity(curve, DashboardFeed.EquityPeriod) : null));
        });
    }

    /// An executor belongs to a range when it was active in it: opened before its end, not closed before its start.
    private static bool InRange(PairReport report, DateTimeOffset? from, DateTimeOffset? to) =>
        (to is null || (report.OpenedAt ?? report.At) < to) && (from is null || report.ClosedAt is null || report.ClosedAt >= from);
}
