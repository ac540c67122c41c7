using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Orders;

// Invariant: FilledQuantity is the sum of the distinct fills received and never exceeds the order's quantity,
// whatever the status, and the status changes only along an edge of OrderStateMachine. Fills accumulate over the
// order's whole life, so a cancel after a partial fill keeps them (Hummingbot drops them).

/// One order and everything that happened to it; immutable, so an executor's state is a fold over its events.
public sealed class TrackedOrder
{
    private TrackedOrder(OrderRequest request, OrderStatus status, ImmutableArray<Fill> fills, decimal filledQuantity,
        decimal filledQuote, string? venueOrderId, string? reason, DateTimeOffset updatedAt)
    {
        Request = request;
        Status = status;
        Fills = fills;
        FilledQuantity = filledQuantity;
        FilledQuote = filledQuote;
        VenueOrderId = venueOrderId;
        Reason = reason;
        UpdatedAt = updatedAt;
    }

    public OrderRequest Request { get; }

    public ClientOrderId ClientOrderId => Request.ClientOrderId;

    public OrderStatus Status { get; }

    public ImmutableArray<Fill> Fills { get; }

    public decimal FilledQuantity { get; }

    /// Sum of price times quantity over the fills.
    public decimal FilledQuote { get; }

    public string? VenueOrderId { get; }

    /// The venue's or our reason for the last rejection, failure or refused cancel.
    public string? Reason { get; }

    public DateTimeOffset UpdatedAt { get; }

    public decimal UnfilledQuantity => Request.Quantity - FilledQuantity;

    public decimal? AveragePrice => FilledQuantity == 0m ? null : FilledQuote / FilledQuantity;

    public bool IsTerminal => OrderStateMachine.IsTerminal(Status);

    public static TrackedOrder Create(OrderRequest request, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TrackedOrder(request, OrderStatus.Initialized, [], 0m, 0m, null, null, createdAt);
    }

    /// The order as another process holds it (a message between nodes carries these fields). The fill totals are summed
    /// again from Fills, so the invariant above holds whatever arrived; fills of another order, a trade id twice or more
    /// than the order's quantity are refused naming the field.
    public static TrackedOrder Restore(OrderRequest request, OrderStatus status, ImmutableArray<Fill> fills, string? venueOrderId, string? reason,
        DateTimeOffset updatedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var known = fills.IsDefault ? ImmutableArray<Fill>.Empty : fills;
        var filledQuantity = 0m;
        var filledQuote = 0m;
        var tradeIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fill in known)
        {
            if (fill.ClientOrderId != request.ClientOrderId || fill.Side != request.Side || !tradeIds.Add(fill.TradeId))
            {
                throw new ArgumentException($"Fill {fill.TradeId} ({fill.Side} of {fill.ClientOrderId}) does not belong once to order {request.ClientOrderId}.",
                    nameof(fills));
            }

            filledQuantity += fill.Quantity;
            filledQuote += fill.Notional;
        }

        if (filledQuantity > request.Quantity)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The fills add up to {filledQuantity}, more than the order's {request.Quantity}."), nameof(fills));
        }

        return new TrackedOrder(request, status, known, filledQuantity, filledQuote, venueOrderId, reason, updatedAt);
    }

    /// The total fee charged in one asset; a fill whose fee is in another asset does not count here.
    public decimal FeesIn(Asset asset)
    {
        var total = 0m;
        foreach (var fill in Fills)
        {
            if (fill.Fee.Asset == asset)
            {
                total += fill.Fee.Amount;
            }
        }

        return total;
    }

    public TrackedOrder Apply(OrderEvent orderEvent)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        var error = Transition(orderEvent, out var updated);
        return error is null ? updated : throw new InvalidOrderTransitionException(ClientOrderId, Status, orderEvent.Kind, error);
    }

    /// Returns false and leaves the order as it was when the event is illegal here.
    public bool TryApply(OrderEvent orderEvent, out TrackedOrder updated)
    {
        ArgumentNullException.ThrowIfNull(orderEvent);
        return Transition(orderEvent, out updated) is null;
    }

    private string? Transition(OrderEvent orderEvent, out TrackedOrder updated)
    {
        updated = this;
        if (orderEvent.Kind == OrderEventKind.Filled)
        {
            return TryApplyFill(orderEvent.Fill!, out updated);
        }

        var trigger = orderEvent.Kind switch
        {
            OrderEventKind.Submitted => OrderTrigger.Submit,
            OrderEventKind.Accepted => OrderTrigger.Accept,
            OrderEventKind.Rejected => OrderTrigger.Reject,
            OrderEventKind.CancelRequested => OrderTrigger.CancelRequest,
            OrderEventKind.CancelRejected => OrderTrigger.CancelReject,
            OrderEventKind.Canceled => OrderTrigger.Cancel,
            OrderEventKind.Expired => OrderTrigger.Expire,
            OrderEventKind.Failed => OrderTrigger.Fail,
            _ => throw new ArgumentOutOfRangeException(nameof(orderEvent), orderEvent.Kind, "Unknown order event kind."),
        };
        if (OrderStateMachine.Next(Status, trigger) is not { } next)
        {
            return $"no edge from {Status} on {trigger}";
        }

        var status = next == OrderStatus.Open && FilledQuantity > 0m ? OrderStatus.PartiallyFilled : next;
        updated = new TrackedOrder(Request, status, Fills, FilledQuantity, FilledQuote,
            orderEvent.VenueOrderId ?? VenueOrderId, orderEvent.Reason ?? Reason, orderEvent.At);
        return null;
    }

    private string? TryApplyFill(Fill fill, out TrackedOrder updated)
    {
        updated = this;
        if (fill.ClientOrderId != ClientOrderId)
        {
            return $"the fill belongs to order {fill.ClientOrderId}";
        }

        if (fill.Side != Request.Side)
        {
            return $"a {fill.Side} fill on a {Request.Side} order";
        }

        foreach (var known in Fills)
        {
            if (known.TradeId == fill.TradeId)
            {
                // Venues resend fills after a reconnect; the same report twice is one fill.
                return known == fill ? null : $"trade {fill.TradeId} was already reported with other figures";
            }
        }

        if (fill.Quantity > UnfilledQuantity)
        {
            return string.Create(CultureInfo.InvariantCulture, $"fill of {fill.Quantity} exceeds the unfilled {UnfilledQuantity}");
        }

        var filled = FilledQuantity + fill.Quantity;
        var trigger = filled == Request.Quantity ? OrderTrigger.Fill : OrderTrigger.PartialFill;
        if (OrderStateMachine.Next(Status, trigger) is not { } next)
        {
            return $"no edge from {Status} on {trigger}";
        }

        updated = new TrackedOrder(Request, next, Fills.Add(fill), filled, FilledQuote + fill.Notional, VenueOrderId, Reason, fill.At);
        return null;
    }
}
