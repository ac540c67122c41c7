using System.Text.Json;
using System.Text.Json.Serialization;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Wire;

/// OrderEvent is built only through its factories, one per kind, which check what each kind requires: the reading
/// node calls the factory the kind names.
internal sealed class OrderEventConverter : JsonConverter<OrderEvent>
{
    public override OrderEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var fields = JsonSerializer.Deserialize<OrderEventFields>(ref reader, options) ?? throw new JsonException("An order event is null.");
        return fields.Kind switch
        {
            OrderEventKind.Submitted => OrderEvent.Submitted(fields.At),
            OrderEventKind.Accepted => OrderEvent.Accepted(fields.VenueOrderId ?? throw Missing(fields, "venueOrderId"), fields.At),
            OrderEventKind.Rejected => OrderEvent.Rejected(fields.Reason ?? throw Missing(fields, "reason"), fields.At),
            OrderEventKind.Filled => OrderEvent.Filled(fields.Fill ?? throw Missing(fields, "fill")),
            OrderEventKind.CancelRequested => OrderEvent.CancelRequested(fields.At),
            OrderEventKind.CancelRejected => OrderEvent.CancelRejected(fields.Reason ?? throw Missing(fields, "reason"), fields.At),
            OrderEventKind.Canceled => OrderEvent.Canceled(fields.At, fields.Reason),
            OrderEventKind.Expired => OrderEvent.Expired(fields.At, fields.Reason),
            OrderEventKind.Failed => OrderEvent.Failed(fields.Reason ?? throw Missing(fields, "reason"), fields.At),
            _ => throw new JsonException($"Order event kind {fields.Kind} is not one this node knows."),
        };
    }

    public override void Write(Utf8JsonWriter writer, OrderEvent value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, new OrderEventFields(value.Kind, value.At, value.Fill, value.VenueOrderId, value.Reason), options);
    }

    private static JsonException Missing(OrderEventFields fields, string field) => new($"A {fields.Kind} order event needs '{field}'.");

    private sealed record OrderEventFields(OrderEventKind Kind, DateTimeOffset At, Fill? Fill, string? VenueOrderId, string? Reason);
}
