using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using Akka.Actor;
using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Api;

/// What a position sync found for one market: the venue's size, the size the node's executors hold there, and the
/// difference (zero when they agree; otherwise a manual order or a position the node does not manage).
public sealed record PositionSyncView(string Venue, string Symbol, decimal VenueSize, decimal TrackedSize, decimal Difference);

/// /api/v1/positions: every open position at every venue, one by venue and instrument, and a sync against the venues;
/// /api/v1/portfolio: the pairs' net exposure per asset across venues.
public static class PositionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/positions", async (NodeRuntime node, CancellationToken ct) => Results.Ok(await AllAsync(node, ct).ConfigureAwait(false)));

        api.MapGet("/positions/{venue}/{symbol}", async (string venue, string symbol, NodeRuntime node, CancellationToken ct) =>
            (await AllAsync(node, ct).ConfigureAwait(false)).FirstOrDefault(p => p.Venue == venue && p.Symbol == symbol) is { } position
                ? Results.Ok(position)
                : Problems.NotFound("position", $"{venue}/{symbol}"));

        api.MapGet("/portfolio", async (NodeRuntime node, CancellationToken ct) =>
            Results.Ok((await node.Actors.Orchestrator.Ask<PortfolioReport>(GetPortfolio.Instance, node.AskTimeout, ct).ConfigureAwait(false)).Assets));

        api.MapPost("/positions/sync", async (NodeRuntime node, CancellationToken ct) =>
        {
            var tracked = new Dictionary<(string Venue, string Symbol), decimal>();
            foreach (var report in (await node.GetExecutorsAsync(ct).ConfigureAwait(false)).Where(r => r.Phase != PairPhase.Closed || r.CloseType == Trading.Executors.CloseType.PositionHold))
            {
                var longKey = (report.Spec.LongVenue, report.Spec.LongSymbol);
                var shortKey = (report.Spec.ShortVenue, report.Spec.ShortSymbol);
                tracked[longKey] = tracked.GetValueOrDefault(longKey) + report.LongQuantity;
                tracked[shortKey] = tracked.GetValueOrDefault(shortKey) + report.ShortQuantity;
            }

            var sync = new List<PositionSyncView>();
            foreach (var venue in node.Venues)
            {
                foreach (var position in await venue.GetPositionsAsync(ct).ConfigureAwait(false))
                {
                    var key = (venue.Id.Value, position.Key.Symbol.Value);
                    var size = position.Side == Trading.Positions.PositionSide.Short ? -position.Amount : position.Amount;
                    var held = tracked.GetValueOrDefault(key);
                    tracked.Remove(key);
                    sync.Add(new PositionSyncView(key.Item1, key.Item2, size, held, size - held));
                }
            }

            sync.AddRange(tracked.Where(t => t.Value != 0m).Select(t => new PositionSyncView(t.Key.Venue, t.Key.Symbol, 0m, t.Value, -t.Value)));
            return Results.Ok(sync.OrderBy(s => s.Venue, StringComparer.Ordinal).ThenBy(s => s.Symbol, StringComparer.Ordinal));
        }).RequireToken();
    }

    private static async Task<IReadOnlyList<PositionView>> AllAsync(NodeRuntime node, CancellationToken ct) =>
        [.. (await Task.WhenAll(node.Venues.Select(v => SnapshotViews.PositionsAsync(node, v, ct))).ConfigureAwait(false)).SelectMany(p => p)];
}
