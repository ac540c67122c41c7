using System.Reflection;
using System.Text.Json;

namespace FundingArb.Node.Dashboard;

/// The dashboard page (embedded in the node: no CDN, it works offline) and its data: one snapshot, or a stream of
/// them as server-sent events (`event: snapshot`).
public static class DashboardEndpoints
{
    private static readonly (string Path, string Resource, string ContentType)[] s_files =
    [
        ("/", "dashboard/index.html", "text/html; charset=utf-8"),
        ("/dashboard.css", "dashboard/dashboard.css", "text/css; charset=utf-8"),
        ("/dashboard.js", "dashboard/dashboard.js", "text/javascript; charset=utf-8"),
    ];

    public static void MapPage(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        foreach (var (path, resource, contentType) in s_files)
        {
            var content = Read(resource);
            app.MapGet(path, () => Results.Bytes(content, contentType)).ExcludeFromDescription();
        }
    }

    public static void MapData(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/dashboard", async (DashboardFeed feed, CancellationToken ct) => Results.Ok(feed.Latest ?? await feed.BuildAsync(ct).ConfigureAwait(false)));

        api.MapGet("/stream", async (HttpContext context, DashboardFeed feed) =>
        {
            var ct = context.RequestAborted;
            context.Response.ContentType = "text/event-stream";
            context.Response.Headers.CacheControl = "no-cache";
            context.Response.Headers["X-Accel-Buffering"] = "no";
            if (feed.Latest is null)
            {
                var first = await feed.BuildAsync(ct).ConfigureAwait(false);
                await WriteAsync(context.Response, JsonSerializer.Serialize(first, Api.ApiJson.Options), ct).ConfigureAwait(false);
            }

            try
            {
                await foreach (var json in feed.SubscribeAsync(ct).ConfigureAwait(false))
                {
                    await WriteAsync(context.Response, json, ct).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                // The browser went away: the stream simply ends.
            }
        }).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
    }

    private static async Task WriteAsync(HttpResponse response, string json, CancellationToken ct)
    {
        await response.WriteAsync($"event: snapshot\ndata: {json}\n\n", ct).ConfigureAwait(false);
        await response.Body.FlushAsync(ct).ConfigureAwait(false);
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The dashboard resource {resource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
