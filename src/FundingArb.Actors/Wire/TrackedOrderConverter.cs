using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Wire;

/// A TrackedOrder as its request, status and fills; TrackedOrder.Restore sums the fills again on the reading node.
internal sealed class TrackedOrderConverter : JsonConverter<TrackedOrder>
{
    public override TrackedOrder Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.Deserialize<TrackedOrderFields>(ref reader, options) ?? throw new JsonException("A tracked order is null.");
        return TrackedOrder.Restore(fields.Request, fields.Status, fields.Fills, fields.VenueOrderId, fields.Reason, fields.UpdatedAt);
    }

    public override void Write(Utf8JsonWriter writer, TrackedOrder value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, new TrackedOrderFields(value.Request, value.Status, value.Fills, value.VenueOrderId, value.Reason, value.UpdatedAt),
            options);
    }

    private sealed record TrackedOrderFields(OrderRequest Request, OrderStatus Status, ImmutableArray<Fill> Fills, string? VenueOrderId, string? Reason,
        DateTimeOffset UpdatedAt);
}
