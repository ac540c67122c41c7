using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Bybit;

/// Every Bybit v5 REST answer, success or not: {retCode, retMsg, result, retExtInfo, time}, with HTTP 200 (the
/// venue reports business and auth errors in retCode; only its IP limit answers 403).
internal static class BybitEnvelope
{
    public static Task WriteAsync(HttpContext context, int retCode, string retMsg, JsonObject? result, DateTimeOffset time)
    {
        var body = new JsonObject
        {
            ["retCode"] = retCode,
            ["retMsg"] = retMsg,
            ["result"] = result ?? new JsonObject(),
            ["retExtInfo"] = new JsonObject(),
            ["time"] = BybitWire.Millis(time),
        };
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    public static Task OkAsync(HttpContext context, JsonObject result, DateTimeOffset time) => WriteAsync(context, 0, "OK", result, time);

    /// The headers Bybit puts on answers of rate-limited endpoints: what is left of the limit and when it resets.
    public static void WriteLimitHeaders(HttpContext context, BybitRateWindow window)
    {
        var headers = context.Response.Headers;
        headers["X-Bapi-Limit"] = window.Limit.ToString(CultureInfo.InvariantCulture);
        headers["X-Bapi-Limit-Status"] = window.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["X-Bapi-Limit-Reset-Timestamp"] = BybitWire.MillisCeilingText(window.ResetsAt);
    }
}
