using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

public sealed record OpportunitiesResponse(DateTimeOffset At, IReadOnlyList<OpportunityView> Opportunities);

/// /api/v1/funding: every market's rate (and per day), and the controller's current opportunities with net edge.
public static class FundingEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/funding/rates", async (NodeRuntime node, CancellationToken ct) =>
            Results.Ok(await Task.WhenAll(node.Venues.Select(v => SnapshotViews.VenueAsync(node, v, ct))).ConfigureAwait(false)));

        api.MapGet("/funding/opportunities", async (NodeRuntime node, CancellationToken ct) =>
        {
            var report = await node.GetOpportunitiesAsync(ct).ConfigureAwait(false);
            var horizonDays = (decimal)node.Settings.Actors.Orchestrator.Strategy.Horizon.TotalDays;
            return Results.Ok(new OpportunitiesResponse(report.At, [.. report.Opportunities
                .OrderByDescending(o => o.NetEdge)
                .Select(o => SnapshotViews.OpportunityOf(o, horizonDays))]));
        });
    }
}
