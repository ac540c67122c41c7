using System.Text.Json;
using FundingArb.Actors.Orchestration;
using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Node.Api;

/// Body of POST /api/v1/executors.
public sealed record CreateExecutorRequest(string? Asset, string? LongVenue, string? LongSymbol, string? ShortVenue, string? ShortSymbol, string? Quote,
    decimal? SizeQuote);

/// Body of POST /api/v1/executors/{id}/stop.
public sealed record StopExecutorRequest(bool KeepPosition);

public sealed record ExecutorCreatedResponse(string ExecutorId);

/// One journal event of an executor: its sequence number, event type and the event itself.
public sealed record ExecutorEventView(long SequenceNr, string Type, JsonElement Event);

/// JournalError is set when a row of the executor's journal cannot be read; Events then stop before it.
public sealed record ExecutorDetail(PairView Executor, IReadOnlyList<ExecutorEventView> Events, string? JournalError);

/// /api/v1/executors: list, one with its event history, create, stop (with keep-position).
public static class ExecutorEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/executors", async (NodeRuntime node, CancellationToken ct) =>
        {
            var address = node.Address;
            return Results.Ok((await node.GetExecutorsAsync(ct).ConfigureAwait(false)).Select(r => SnapshotViews.PairOf(r, address)));
        });

        api.MapGet("/executors/{id}", async (string id, NodeRuntime node, CancellationToken ct) =>
        {
            var report = (await node.GetExecutorsAsync(ct).ConfigureAwait(false)).FirstOrDefault(r => r.Spec.ExecutorId == id);
            if (report is null)
            {
                return Problems.NotFound("executor", id);
            }

            var events = new List<ExecutorEventView>();
            string? journalError = null;
            try
            {
                await foreach (var envelope in node.HistoryOf(id, ct).ConfigureAwait(false))
                {
                    events.Add(new ExecutorEventView(envelope.SequenceNr, envelope.Event.GetType().Name,
                        JsonSerializer.SerializeToElement(envelope.Event, envelope.Event.GetType(), ApiJson.Options)));
                }
            }
            catch (EventDeserializationException unreadable)
            {
                journalError = unreadable.Message;
            }

            return Results.Ok(new ExecutorDetail(SnapshotViews.PairOf(report, node.Address), events, journalError));
        });

        api.MapPost("/executors", async (CreateExecutorRequest? body, NodeRuntime node, CancellationToken ct) =>
        {
            if (body is null)
            {
                return Problems.BadRequest("body", "a JSON object with asset, long_venue, long_symbol, short_venue, short_symbol, quote and size_quote is required");
            }

            if (Missing(body) is { } field)
            {
                return Problems.BadRequest(field, "is required");
            }

            if (body.SizeQuote is not > 0m)
            {
                return Problems.BadRequest("size_quote", $"{body.SizeQuote} must be above zero");
            }

            var answer = await node.CommandAsync(new CreateExecutor(body.Asset!, body.LongVenue!, body.LongSymbol!, body.ShortVenue!, body.ShortSymbol!,
                body.Quote!, body.SizeQuote.Value), ct).ConfigureAwait(false);
            return answer switch
            {
                ExecutorCreated created => Results.Created($"/api/v1/executors/{created.ExecutorId}", new ExecutorCreatedResponse(created.ExecutorId)),
                CommandRejected rejected => Problems.BadRequest(rejected.Field, rejected.Reason),
                _ => throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name}."),
            };
        }).RequireToken();

        api.MapPost("/executors/{id}/stop", async (string id, StopExecutorRequest? body, NodeRuntime node, CancellationToken ct) =>
        {
            if ((await node.GetExecutorsAsync(ct).ConfigureAwait(false)).All(r => r.Spec.ExecutorId != id))
            {
                return Problems.NotFound("executor", id);
            }

            var answer = await node.CommandAsync(new StopExecutor(id, body?.KeepPosition ?? false), ct).ConfigureAwait(false);
            return answer switch
            {
                CommandAccepted accepted => Results.Accepted($"/api/v1/executors/{accepted.ExecutorId}", accepted),
                CommandRejected rejected => Problems.BadRequest(rejected.Field, rejected.Reason),
                _ => throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name}."),
            };
        }).RequireToken();
    }

    private static string? Missing(CreateExecutorRequest body) =>
        string.IsNullOrWhiteSpace(body.Asset) ? "asset"
        : string.IsNullOrWhiteSpace(body.LongVenue) ? "long_venue"
        : string.IsNullOrWhiteSpace(body.LongSymbol) ? "long_symbol"
        : string.IsNullOrWhiteSpace(body.ShortVenue) ? "short_venue"
        : string.IsNullOrWhiteSpace(body.ShortSymbol) ? "short_symbol"
        : string.IsNullOrWhiteSpace(body.Quote) ? "quote"
        : body.SizeQuote is null ? "size_quote"
        : null;
}
