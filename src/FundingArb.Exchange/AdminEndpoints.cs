using System.Text.Json;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace FundingArb.Exchange;

// The exchange's own endpoints beside each venue's protocol, under /admin, a path none of the served protocols uses.
// They need no signature: the exchange listens on loopback only and serves a test account.

/// POST /admin/faults with one fault as the scenario format writes it, without venue and at ({"kind":"disconnect",
/// "duration":"30s"}), in JSON: the venue arms it from its present. 200 with the venue and the time; 400 naming the bad
/// key, or for a body that is not JSON.
internal static class AdminEndpoints
{
    public const string FaultsPath = "/admin/faults";

    public static void Map(IEndpointRouteBuilder routes, ServedVenue venue, ILogger log) =>
        routes.MapPost(FaultsPath, async (HttpRequest request, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(request.Body);
            var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                // JSON only, though the scenario reader takes HOCON: HOCON's includes would let a request read the
                // exchange machine's files.
                using (JsonDocument.Parse(text))
                {
                }

                var at = venue.Venue.Now;
                var fault = ScenarioLoader.ParseFault(text, at);
                venue.Venue.Inject(fault);
                ExchangeLog.FaultInjected(log, venue.Name, at, text);
                return Results.Ok(new FaultInjected(venue.Name, at));
            }
            catch (Exception bad) when (bad is JsonException or ScenarioException or HoconSyntaxException)
            {
                return Results.BadRequest(new AdminError(bad.Message));
            }
        });

    private sealed record FaultInjected(string Venue, DateTimeOffset At);

    private sealed record AdminError(string Error);
}
