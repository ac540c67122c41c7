using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Errors;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Bybit;

// Checks run in Bybit's order: the key, the timestamp window, the signature, then the per-UID rate limit. The window
// is [server − recvWindow, server + 1000 ms), as the v5 docs state. A refusal never echoes the signature.

/// Runs one REST request: authenticates it when signed, applies the order limit, and turns refusals into retCodes.
internal sealed class BybitRequestGuard(ServedVenue venue, BybitOrderRateLimiter orderLimiter)
{
    private const long DefaultRecvWindowMs = 5000;
    private const long FutureToleranceMs = 1000;

    public Task PublicAsync(HttpContext context, Func<IQueryCollection, CancellationToken, Task<JsonObject>> handle) =>
        RunAsync(context, ct => handle(context.Request.Query, ct));

    /// The handler gets the signed payload: the JSON body of a POST, the query string of a GET (also given parsed).
    public async Task SignedAsync(HttpContext context, bool orderEndpoint, Func<string, IQueryCollection, CancellationToken, Task<JsonObject>> handle)
    {
        var payload = HttpMethods.IsGet(context.Request.Method)
            ? context.Request.QueryString.Value?.TrimStart('?') ?? string.Empty
            : await BodyAsync(context).ConfigureAwait(false);
        if (Authenticate(context.Request.Headers, payload) is { } refusal)
        {
            await BybitEnvelope.WriteAsync(context, refusal.Code, refusal.Message, null, venue.Clock.GetUtcNow()).ConfigureAwait(false);
            return;
        }

        if (orderEndpoint)
        {
            var window = orderLimiter.Take();
            BybitEnvelope.WriteLimitHeaders(context, window);
            if (!window.Allowed)
            {
                await BybitEnvelope.WriteAsync(context, BybitRetCode.TooManyVisits, "Too many visits!", null, venue.Clock.GetUtcNow()).ConfigureAwait(false);
                return;
            }
        }

        await RunAsync(context, ct => handle(payload, context.Request.Query, ct)).ConfigureAwait(false);
    }

    private async Task RunAsync(HttpContext context, Func<CancellationToken, Task<JsonObject>> handle)
    {
        int code;
        string message;
        try
        {
            var result = await handle(context.RequestAborted).ConfigureAwait(false);
            await BybitEnvelope.OkAsync(context, result, venue.Clock.GetUtcNow()).ConfigureAwait(false);
            return;
        }
        catch (VenueException error)
        {
            code = BybitErrorCodes.For(error);
            message = error.Message;
            if (error is RateLimitedException limited)
            {
                BybitEnvelope.WriteLimitHeaders(context, new BybitRateWindow(false, 0, 0, venue.Clock.GetUtcNow() + limited.RetryAfter));
            }
        }
        catch (ArgumentException error)
        {
            code = BybitRetCode.ParamsError;
            message = error.Message;
        }

        await BybitEnvelope.WriteAsync(context, code, message, null, venue.Clock.GetUtcNow()).ConfigureAwait(false);
    }

    private static async Task<string> BodyAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        return await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
    }

    private (int Code, string Message)? Authenticate(IHeaderDictionary headers, string payload)
    {
        var apiKey = headers["X-BAPI-API-KEY"].ToString();
        if (!string.Equals(apiKey, venue.Account.ApiKey, StringComparison.Ordinal))
        {
            return (BybitRetCode.InvalidApiKey, "API key is invalid.");
        }

        var recvWindow = DefaultRecvWindowMs;
        var recvText = headers["X-BAPI-RECV-WINDOW"].ToString();
        if (recvText.Length > 0 && (!long.TryParse(recvText, NumberStyles.None, CultureInfo.InvariantCulture, out recvWindow) || recvWindow <= 0))
        {
            return (BybitRetCode.ParamsError, $"X-BAPI-RECV-WINDOW '{recvText}' is not a positive number of milliseconds");
        }

        var timestampText = headers["X-BAPI-TIMESTAMP"].ToString();
        var server = BybitWire.Millis(venue.Clock.GetUtcNow());
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || timestamp < server - recvWindow || timestamp >= server + FutureToleranceMs)
        {
            return (BybitRetCode.TimestampOutsideWindow, string.Create(CultureInfo.InvariantCulture,
                $"invalid request, please check your server timestamp or recv_window param. req_timestamp[{timestampText}],server_timestamp[{server}],recv_window[{recvWindow}]"));
        }

        var expected = BybitSigner.SignRequest(venue.Account.ApiSecret, timestamp, apiKey, recvWindow, payload);
        return BybitSigner.Matches(expected, headers["X-BAPI-SIGN"].ToString())
            ? null
            : (BybitRetCode.InvalidSign, "error sign! please check your signature");
    }
}
