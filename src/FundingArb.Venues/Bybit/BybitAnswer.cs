using System.Text.Json;

namespace FundingArb.Venues.Bybit;

/// A successful answer's `result` and the venue's `time`.
internal sealed record BybitAnswer(JsonElement Result, DateTimeOffset Time);
