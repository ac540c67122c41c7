using System.Text.Json.Nodes;

namespace FundingArb.Exchange.Okx;

/// A refused request as OKX answers it: the HTTP status, the top-level code and message, and for per-order failures
/// the data items that carry sCode and sMsg.
internal sealed record OkxRefusal(int HttpStatus, string Code, string Message, JsonArray? Data = null);
