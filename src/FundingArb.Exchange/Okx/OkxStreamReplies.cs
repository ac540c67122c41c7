using System.Text.Json.Nodes;

namespace FundingArb.Exchange.Okx;

/// OKX's WebSocket event replies: subscribe, login and error, each with the connection's connId.
internal static class OkxStreamReplies
{
    public static JsonObject Subscribed(JsonObject arg, string connectionId) =>
        new() { ["event"] = "subscribe", ["arg"] = arg.DeepClone(), ["connId"] = connectionId };

    public static JsonObject LoggedIn(string connectionId) => new() { ["event"] = "login", ["code"] = "0", ["msg"] = string.Empty, ["connId"] = connectionId };

    public static JsonObject Error(string code, string message, string connectionId) =>
        new() { ["event"] = "error", ["code"] = code, ["msg"] = message, ["connId"] = connectionId };
}
