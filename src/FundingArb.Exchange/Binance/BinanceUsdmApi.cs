using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// Every answer carries X-MBX-USED-WEIGHT-1M, refusals included, as Binance's do. A request over the minute's weight
// is refused with 429/-1003 before it is read, and one sent before that wait is over gets the IP banned (418/-1003);
// every request while the venue's rate-limit fault is active is refused with 429.
// Signed requests are checked as Binance checks them: the key (-2015), the timestamp against recvWindow (-1021),
// then the HMAC-SHA256 hex signature over the query string followed by the body (-1022).

/// One served venue's Binance USD-M REST and WebSocket endpoints; one instance per venue.
internal sealed partial class BinanceUsdmApi
{
    private const long DefaultRecvWindowMs = 5000;
    private const long MaxRecvWindowMs = 60_000;

    // Binance accepts a timestamp up to one second ahead of its clock.
    private const long AllowedLeadMs = 1000;

    private readonly ServedVenue _served;
    private readonly SimulatedVenue _venue;
    private readonly BinanceWeightWindow _weights;
    private readonly BinanceListenKeys _listenKeys;
    private readonly BinanceOrderIds _orderIds = new();
    private readonly ImmutableDictionary<string, Instrument> _instruments;

    public BinanceUsdmApi(ServedVenue served)
    {
        _served = served;
        _venue = served.Venue;
        _weights = new BinanceWeightWindow(served.Clock, BinanceMarketPayloads.RequestWeightPerMinute);
        _listenKeys = new BinanceListenKeys(served.Clock);
        _instruments = _venue.Instruments.ToImmutableDictionary(i => i.Symbol.Value, StringComparer.Ordinal);
    }

    private delegate Task<JsonNode> Handler(BinanceParameters parameters, CancellationToken cancellationToken);

    public void Map(IEndpointRouteBuilder routes)
    {
        MapMarket(routes);
        MapTrading(routes);
        MapAccount(routes);
        MapStreams(routes);
    }

    private DateTimeOffset Now => _served.Clock.GetUtcNow();

    private void Map(IEndpointRouteBuilder routes, string method, string path, int weight, BinanceSecurity security, Handler handler) =>
        Map(routes, method, path, _ => weight, security, handler);

    /// Weight as a function of the query, for the endpoints Binance weighs by their arguments (depth by limit,
    /// premiumIndex and openOrders with or without a symbol).
    private void Map(IEndpointRouteBuilder routes, string method, string path, Func<IQueryCollection, int> weight, BinanceSecurity security, Handler handler) =>
        routes.MapMethods(path, [method], context => ServeAsync(context, weight(context.Request.Query), security, handler));

    private static int WeightBySymbol(IQueryCollection query, int withSymbol, int withoutSymbol) =>
        query.ContainsKey("symbol") ? withSymbol : withoutSymbol;

    private Instrument Instrument(string symbol) =>
        _instruments.TryGetValue(symbol, out var instrument) ? instrument : throw BinanceApiError.BadRequest(BinanceErrorCodes.InvalidSymbol, "Invalid symbol.");

    private async Task ServeAsync(HttpContext context, int weight, BinanceSecurity security, Handler handler)
    {
        var used = _weights.Spend(weight, out var overLimitFor, out var banned);
        context.Response.Headers["X-MBX-USED-WEIGHT-1M"] = used.ToString(CultureInfo.InvariantCulture);
        JsonNode body;
        try
        {
            if (overLimitFor is { } wait)
            {
                throw banned
                    ? BinanceErrorCodes.Banned(Now + wait, wait)
                    : BinanceErrorCodes.From(new RateLimitedException(_venue.Id, wait), cancelling: false);
            }

            var parameters = await BinanceParameters.ReadAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            Authenticate(context.Request, parameters, security);
            body = await handler(parameters, context.RequestAborted).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
        catch (VenueException error)
        {
            body = Refuse(context.Response, BinanceErrorCodes.From(error, cancelling: HttpMethods.IsDelete(context.Request.Method)));
        }
        catch (BinanceApiError error)
        {
            body = Refuse(context.Response, error);
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted).ConfigureAwait(false);
    }

    private static JsonObject Refuse(HttpResponse response, BinanceApiError error)
    {
        response.StatusCode = (int)error.Status;
        if (error.RetryAfter is { } wait)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return new JsonObject { ["code"] = error.Code, ["msg"] = error.Message };
    }

    private void Authenticate(HttpRequest request, BinanceParameters parameters, BinanceSecurity security)
    {
        if (security == BinanceSecurity.None)
        {
            return;
        }

        var account = _served.Account;
        if (!FixedTimeEquals(request.Headers["X-MBX-APIKEY"].ToString(), account.ApiKey))
        {
            throw new BinanceApiError(HttpStatusCode.Unauthorized, BinanceErrorCodes.InvalidApiKey, "Invalid API-key, IP, or permissions for action.");
        }

        if (security == BinanceSecurity.ApiKey)
        {
            return;
        }

        var timestamp = parameters.OptionalLong("timestamp") ?? throw BinanceApiError.MissingParameter("timestamp");
        var recvWindow = parameters.OptionalLong("recvWindow") ?? DefaultRecvWindowMs;
        if (recvWindow is <= 0 or > MaxRecvWindowMs)
        {
            throw BinanceApiError.IllegalParameter("recvWindow", recvWindow.ToString(CultureInfo.InvariantCulture));
        }

        var serverTime = Now.ToUnixTimeMilliseconds();
        if (timestamp >= serverTime + AllowedLeadMs || serverTime - timestamp > recvWindow)
        {
            throw BinanceApiError.BadRequest(BinanceErrorCodes.TimestampOutsideRecvWindow, "Timestamp for this request is outside of the recvWindow.");
        }

        var signature = parameters.Signature ?? throw BinanceApiError.MissingParameter("signature");
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(account.ApiSecret), Encoding.UTF8.GetBytes(parameters.SignedPayload)));
        if (!FixedTimeEquals(signature.ToLowerInvariant(), expected))
        {
            throw BinanceApiError.BadRequest(BinanceErrorCodes.InvalidSignature, "Signature for this request is not valid.");
        }
    }

    private static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
