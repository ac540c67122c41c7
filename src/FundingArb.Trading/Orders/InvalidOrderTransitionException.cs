namespace FundingArb.Trading.Orders;

/// An event the order's state machine does not accept; TrackedOrder.TryApply reports the same without throwing.
public sealed class InvalidOrderTransitionException : InvalidOperationException
{
    public InvalidOrderTransitionException(ClientOrderId clientOrderId, OrderStatus status, OrderEventKind eventKind, string detail)
        : base($"Order {clientOrderId} in {status} cannot take {eventKind}: {detail}")
    {
        ClientOrderId = clientOrderId;
        Status = status;
        EventKind = eventKind;
    }

    public ClientOrderId ClientOrderId { get; }

    public OrderStatus Status { get; }

    public OrderEventKind EventKind { get; }
}
