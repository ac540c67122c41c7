using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

public sealed record HealthResponse(string Status, string Node, DateTimeOffset At);

public sealed record ReadinessResponse(bool Ready, string Node, int Venues, int Executors);

/// /api/v1/health (the process answers), /api/v1/ready (Up in the cluster, executors recovered, not shutting down), /api/v1/execution.
public static class HealthEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/health", (NodeRuntime node) => Results.Ok(new HealthResponse("ok", node.Settings.Name, node.Clock.GetUtcNow())));

        api.MapGet("/ready", async (NodeRuntime node, CancellationToken ct) => node.IsReady && !node.IsStopping && node.IsUp
            ? Results.Ok(new ReadinessResponse(true, node.Settings.Name, node.Venues.Length, (await node.GetExecutorsAsync(ct).ConfigureAwait(false)).Length))
            : Problems.Unavailable(node.IsStopping ? "the node is shutting down"
                : node.IsReady ? "the node is not Up in the cluster"
                : "the node is still joining the cluster or recovering its executors"));

        api.MapGet("/execution", (DashboardFeed feed) => Results.Ok(feed.Execution));
    }
}
