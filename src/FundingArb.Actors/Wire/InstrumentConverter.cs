using System.Text.Json;
using System.Text.Json.Serialization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Actors.Wire;

/// Instrument's constructor names its assets baseAsset and quoteAsset where its properties say Base and Quote, which
/// System.Text.Json cannot pair up: the fields go through a record of the constructor's own, and the constructor checks
/// them again on the reading node.
internal sealed class InstrumentConverter : JsonConverter<Instrument>
{
    public override Instrument Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.Deserialize<InstrumentFields>(ref reader, options) ?? throw new JsonException("An instrument is null.");
        return new Instrument(fields.Venue, fields.Symbol, fields.Base, fields.Quote, fields.Rules, fields.Kind, fields.IsTradable);
    }

    public override void Write(Utf8JsonWriter writer, Instrument value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, new InstrumentFields(value.Venue, value.Symbol, value.Base, value.Quote, value.Rules, value.Kind, value.IsTradable),
            options);
    }

    private sealed record InstrumentFields(VenueId Venue, Symbol Symbol, Asset Base, Asset Quote, TradingRules Rules, InstrumentKind Kind, bool IsTradable);
}
