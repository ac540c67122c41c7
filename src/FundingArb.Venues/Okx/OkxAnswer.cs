using System.Text.Json;

namespace FundingArb.Venues.Okx;

/// A successful answer's data array (cloned, so it outlives the document) and when the client received it on the venue's clock.
internal sealed record OkxAnswer(JsonElement Data, DateTimeOffset At)
{
    /// The first item; OKX answers one-object requests with a one-item array.
    public JsonElement Single => Data.GetArrayLength() > 0 ? Data[0] : throw new FormatException("OKX answered with an empty data array.");
}
