using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace FundingArb.Exchange.Okx;

/// Every OKX v5 REST answer: {code, msg, data} with code a string ("0" on success). Errors carry the HTTP status OKX's
/// code table gives them (401 for credentials, 429 for 50011); a place or cancel that failed per order answers 200
/// with code "1" and the reason in data[0].sCode.
internal static class OkxEnvelope
{
    public static Task OkAsync(HttpContext context, JsonArray data) => WriteAsync(context, StatusCodes.Status200OK, Venues.Okx.OkxCode.Ok, string.Empty, data);

    public static Task RefuseAsync(HttpContext context, OkxRefusal refusal) =>
        WriteAsync(context, refusal.HttpStatus, refusal.Code, refusal.Message, refusal.Data ?? []);

    private static Task WriteAsync(HttpContext context, int status, string code, string msg, JsonArray data)
    {
        var body = new JsonObject { ["code"] = code, ["msg"] = msg, ["data"] = data };
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }
}
