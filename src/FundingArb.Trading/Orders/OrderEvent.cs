namespace FundingArb.Trading.Orders;

/// Something that happened to one order, from us (Submitted, CancelRequested) or from the venue (the rest).
public sealed record OrderEvent
{
    private OrderEvent(OrderEventKind kind, DateTimeOffset at, Fill? fill = null, string? venueOrderId = null, string? reason = null)
    {
        Kind = kind;
        At = at;
        Fill = fill;
        VenueOrderId = venueOrderId;
        Reason = reason;
    }

    public OrderEventKind Kind { get; }

    public DateTimeOffset At { get; }

    public Fill? Fill { get; }

    public string? VenueOrderId { get; }

    public string? Reason { get; }

    public static OrderEvent Submitted(DateTimeOffset at) => new(OrderEventKind.Submitted, at);

    public static OrderEvent Accepted(string venueOrderId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venueOrderId);
        return new(OrderEventKind.Accepted, at, venueOrderId: venueOrderId);
    }

    public static OrderEvent Rejected(string reason, DateTimeOffset at) => new(OrderEventKind.Rejected, at, reason: Require(reason));

    public static OrderEvent Filled(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        return new(OrderEventKind.Filled, fill.At, fill: fill);
    }

    public static OrderEvent CancelRequested(DateTimeOffset at) => new(OrderEventKind.CancelRequested, at);

    public static OrderEvent CancelRejected(string reason, DateTimeOffset at) => new(OrderEventKind.CancelRejected, at, reason: Require(reason));

    /// A reason when the venue, not the owner, cancelled it: a post-only that would have taken (Bybit, OKX), a liquidation.
    public static OrderEvent Canceled(DateTimeOffset at, string? reason = null) => new(OrderEventKind.Canceled, at, reason: reason);

    /// A reason when the venue says why it expired: an IOC or FOK with nothing left to match.
    public static OrderEvent Expired(DateTimeOffset at, string? reason = null) => new(OrderEventKind.Expired, at, reason: reason);

    public static OrderEvent Failed(string reason, DateTimeOffset at) => new(OrderEventKind.Failed, at, reason: Require(reason));

    private static string Require(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return reason;
    }
}
