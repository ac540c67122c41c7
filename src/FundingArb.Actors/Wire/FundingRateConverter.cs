using System.Text.Json;
using System.Text.Json.Serialization;
using FundingArb.Trading.Funding;

namespace FundingArb.Actors.Wire;

/// System.Text.Json builds a struct through its default constructor, which would leave a FundingRate without rate or
/// interval: the reading node calls the constructor that checks the interval instead.
internal sealed class FundingRateConverter : JsonConverter<FundingRate>
{
    public override FundingRate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.Deserialize<FundingRateFields>(ref reader, options) ?? throw new JsonException("A funding rate is null.");
        return new FundingRate(fields.Rate, fields.Interval);
    }

    public override void Write(Utf8JsonWriter writer, FundingRate value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new FundingRateFields(value.Rate, value.Interval), options);

    private sealed record FundingRateFields(decimal Rate, TimeSpan Interval);
}
