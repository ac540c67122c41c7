using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Wire;

// A venue error crosses nodes as a kind code of ours and the fields its exception carries, never as a CLR type: the
// reading node builds the same exception again, so its message is the sender's, word for word. The message is written
// too, for an operator reading the bytes and for the error when a newer node sends a kind this one does not know.
// The stack trace stays on the node that caught the error; the receiver acts on the kind, never on the trace.

/// The VenueException subclasses on the wire.
internal sealed class VenueExceptionConverter : JsonConverter<VenueException>
{
    public override VenueException Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var error = new Fields(document.RootElement);
        var venue = new VenueId(error.Text("venue"));
        return error.Text("kind") switch
        {
            "insufficient-margin" => new InsufficientMarginException(venue, error.OrderId(), error.Number("required"), error.Number("available")),
            "post-only-would-cross" => new PostOnlyWouldCrossException(venue, error.OrderId(), error.Number("price"), error.Number("oppositeTouch")),
            "below-min-notional" => new BelowMinNotionalException(venue, error.OrderId(), error.Number("notional"), error.Number("minimum")),
            "rate-limited" => new RateLimitedException(venue, error.Duration("retryAfter")),
            "duplicate-client-order-id" => new DuplicateClientOrderIdException(venue, error.OrderId()),
            "unknown-order" => new UnknownOrderException(venue, error.OrderId(), error.Text("detail")),
            "venue-unavailable" => new VenueUnavailableException(venue, error.Flag("answerLost")),
            "timeout" => new VenueTimeoutException(venue, error.Duration("timeout")),
            "reduce-only-rejected" => new ReduceOnlyRejectedException(venue, error.OrderId(), error.Number("position")),
            "invalid-order" => new InvalidOrderException(venue, error.OrderId(), error.Text("reason")),
            "authentication-failed" => new AuthenticationFailedException(venue, error.Text("reason")),
            var kind => throw new JsonException($"Venue error kind '{kind}' is not one this node knows (message: {error.Text("message")})."),
        };
    }

    public override void Write(Utf8JsonWriter writer, VenueException value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        writer.WriteString("kind", KindOf(value.Error));
        writer.WriteString("venue", value.Venue.Value);
        writer.WriteString("message", value.Message);
        switch (value)
        {
            case InsufficientMarginException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteNumber("required", e.Required);
                writer.WriteNumber("available", e.Available);
                break;
            case PostOnlyWouldCrossException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteNumber("price", e.Price);
                writer.WriteNumber("oppositeTouch", e.OppositeTouch);
                break;
            case BelowMinNotionalException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteNumber("notional", e.Notional);
                writer.WriteNumber("minimum", e.Minimum);
                break;
            case RateLimitedException e:
                writer.WriteString("retryAfter", e.RetryAfter.ToString("c", CultureInfo.InvariantCulture));
                break;
            case DuplicateClientOrderIdException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                break;
            case UnknownOrderException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteString("detail", e.Detail);
                break;
            case VenueUnavailableException e:
                writer.WriteBoolean("answerLost", e.AnswerLost);
                break;
            case VenueTimeoutException e:
                writer.WriteString("timeout", e.Timeout.ToString("c", CultureInfo.InvariantCulture));
                break;
            case ReduceOnlyRejectedException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteNumber("position", e.Position);
                break;
            case InvalidOrderException e:
                writer.WriteString("clientOrderId", e.ClientOrderId.Value);
                writer.WriteString("reason", e.Reason);
                break;
            case AuthenticationFailedException e:
                writer.WriteString("reason", e.Reason);
                break;
            default:
                throw new JsonException($"{value.GetType().Name} ({value.Error}) has no wire form in VenueExceptionConverter.");
        }

        writer.WriteEndObject();
    }

    private static string KindOf(VenueError error) => error switch
    {
        VenueError.InsufficientMargin => "insufficient-margin",
        VenueError.PostOnlyWouldCross => "post-only-would-cross",
        VenueError.BelowMinNotional => "below-min-notional",
        VenueError.RateLimited => "rate-limited",
        VenueError.DuplicateClientOrderId => "duplicate-client-order-id",
        VenueError.UnknownOrder => "unknown-order",
        VenueError.VenueUnavailable => "venue-unavailable",
        VenueError.Timeout => "timeout",
        VenueError.ReduceOnlyRejected => "reduce-only-rejected",
        VenueError.InvalidOrder => "invalid-order",
        VenueError.AuthenticationFailed => "authentication-failed",
        _ => throw new JsonException($"Venue error {error} has no kind code."),
    };

    private readonly struct Fields(JsonElement element)
    {
        public string Text(string name) => Field(name).GetString() ?? throw new JsonException($"Venue error field '{name}' is null.");

        public decimal Number(string name) => Field(name).GetDecimal();

        public bool Flag(string name) => Field(name).GetBoolean();

        public TimeSpan Duration(string name) => TimeSpan.ParseExact(Text(name), "c", CultureInfo.InvariantCulture);

        public ClientOrderId OrderId() => new(Text("clientOrderId"));

        private JsonElement Field(string name) =>
            element.TryGetProperty(name, out var field) ? field : throw new JsonException($"Venue error field '{name}' is missing.");
    }
}
