using System.Text.Json;
using System.Text.Json.Serialization;

namespace FundingArb.Actors.Wire;

/// A small value (VenueId, Symbol, LegId, ...) as the JSON string it is written as in config and logs, instead of an
/// object around it. The empty string stands for the default value, which none of the values' constructors accept.
internal sealed class StringValueConverter<T>(Func<string, T> read, Func<T, string> write) : JsonConverter<T>
    where T : struct
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? default : read(text);
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(write(value));
    }
}
