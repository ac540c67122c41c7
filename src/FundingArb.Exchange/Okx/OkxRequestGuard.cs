using System.Text.Json;
using System.Text.Json.Nodes;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Okx;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Okx;

// Checks run as OKX runs them: the headers are present, the key is known, the timestamp parses and lies within 30 s of
// the server, the passphrase matches, the key is a demo key used with `x-simulated-trading: 1`, and the signature
// matches; then the order endpoints' per-instrument limit. A refusal never echoes the signature or the passphrase.

/// Runs one REST request: authenticates it when signed, applies the order limit, and turns refusals into OKX codes.
internal sealed class OkxRequestGuard(ServedVenue venue, OkxOrderRateLimiter orderLimiter)
{
    private static readonly TimeSpan s_timestampWindow = TimeSpan.FromSeconds(30);

    public static Task PublicAsync(HttpContext context, Func<IQueryCollection, CancellationToken, Task<JsonArray>> handle) =>
        RunAsync(context, ct => handle(context.Request.Query, ct), perOrder: null);

    /// The handler gets the JSON body of a POST (empty for a GET) and the query. An order endpoint's refusals of the
    /// order itself answer code "1" with the sCode in data[0], which perOrder builds.
    public async Task SignedAsync(HttpContext context, Func<string, IQueryCollection, CancellationToken, Task<JsonArray>> handle,
        Func<string, VenueException, JsonObject>? perOrder = null)
    {
        var request = context.Request;
        var body = HttpMethods.IsGet(request.Method)
            ? string.Empty
            : await new StreamReader(request.Body).ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        if (Authenticate(request, body) is { } refusal)
        {
            await OkxEnvelope.RefuseAsync(context, refusal).ConfigureAwait(false);
            return;
        }

        if (perOrder is not null && !orderLimiter.TryTake(InstId(body)))
        {
            await OkxEnvelope.RefuseAsync(context, OkxErrorCodes.RateLimited).ConfigureAwait(false);
            return;
        }

        await RunAsync(context, ct => handle(body, request.Query, ct), perOrder is null ? null : e => perOrder(body, e)).ConfigureAwait(false);
    }

    private static async Task RunAsync(HttpContext context, Func<CancellationToken, Task<JsonArray>> handle, Func<VenueException, JsonObject>? perOrder)
    {
        OkxRefusal refusal;
        try
        {
            var data = await handle(context.RequestAborted).ConfigureAwait(false);
            await OkxEnvelope.OkAsync(context, data).ConfigureAwait(false);
            return;
        }
        catch (VenueException error)
        {
            refusal = OkxErrorCodes.For(error, perOrder);
        }
        catch (ArgumentException error)
        {
            refusal = new OkxRefusal(StatusCodes.Status400BadRequest, OkxCode.ParameterError, error.Message);
        }

        await OkxEnvelope.RefuseAsync(context, refusal).ConfigureAwait(false);
    }

    private OkxRefusal? Authenticate(HttpRequest request, string body)
    {
        var headers = request.Headers;
        var key = headers["OK-ACCESS-KEY"].ToString();
        var sign = headers["OK-ACCESS-SIGN"].ToString();
        var timestampText = headers["OK-ACCESS-TIMESTAMP"].ToString();
        var passphrase = headers["OK-ACCESS-PASSPHRASE"].ToString();
        if (key.Length == 0)
        {
            return Unauthorized(OkxCode.KeyMissing, "Request header OK-ACCESS-KEY cannot be empty.");
        }

        if (passphrase.Length == 0)
        {
            return Unauthorized(OkxCode.PassphraseMissing, "Request header OK-ACCESS-PASSPHRASE cannot be empty.");
        }

        if (sign.Length == 0)
        {
            return Unauthorized(OkxCode.SignMissing, "Request header OK-ACCESS-SIGN cannot be empty.");
        }

        if (timestampText.Length == 0)
        {
            return Unauthorized(OkxCode.TimestampMissing, "Request header OK-ACCESS-TIMESTAMP cannot be empty.");
        }

        var account = venue.Account;
        if (!string.Equals(key, account.ApiKey, StringComparison.Ordinal))
        {
            return Unauthorized(OkxCode.InvalidKey, "Invalid OK-ACCESS-KEY");
        }

        if (OkxSigner.ParseTimestamp(timestampText) is not { } timestamp)
        {
            return Unauthorized(OkxCode.InvalidTimestamp, $"Invalid OK-ACCESS-TIMESTAMP '{timestampText}'");
        }

        if ((timestamp - venue.Clock.GetUtcNow()).Duration() > s_timestampWindow)
        {
            return Unauthorized(OkxCode.TimestampExpired, "Timestamp request expired");
        }

        if (!OkxSigner.Matches(account.Passphrase ?? string.Empty, passphrase))
        {
            return Unauthorized(OkxCode.PassphraseIncorrect, "OK-ACCESS-PASSPHRASE incorrect.");
        }

        if (headers["x-simulated-trading"].ToString() != "1")
        {
            return Unauthorized(OkxCode.WrongEnvironment, "APIKey does not match current environment.");
        }

        var path = request.Path.Value + request.QueryString.Value;
        var expected = OkxSigner.SignRequest(account.ApiSecret, timestampText, request.Method.ToUpperInvariant(), path, body);
        return OkxSigner.Matches(expected, sign) ? null : Unauthorized(OkxCode.InvalidSign, "Invalid Sign");
    }

    private static OkxRefusal Unauthorized(string code, string message) => new(StatusCodes.Status401Unauthorized, code, message);

    // The limit is per instrument; a body without a readable instId shares one window (the handler then refuses it).
    private static string InstId(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["instId"] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }
}
