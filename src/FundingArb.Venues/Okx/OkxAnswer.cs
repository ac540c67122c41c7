using System.Text.Json;

namespace FundingArb.Venues.Okx;

/// A successful answer's data array, cloned so it outlives the document.
internal sealed record OkxAnswer(JsonElement Data)
{
    /// The first item; OKX answers one-object requests with a one-item array.
    public JsonElement Single => Data.GetArrayLength() > 0 ? Data[0] : throw new FormatException("OKX answered with an empty data array.");
}
