using System.Collections.Immutable;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Simulation.Snapshots;

/// An accepted order: its request, the venue's bookkeeping, and its events (replayed into a TrackedOrder on restore).
public sealed record OrderSnapshot
{
    public required string ClientOrderId { get; init; }

    public required string Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required decimal Quantity { get; init; }

    public decimal? Price { get; init; }

    public required TimeInForce TimeInForce { get; init; }

    public required bool ReduceOnly { get; init; }

    public required long Number { get; init; }

    public required decimal FillCap { get; init; }

    public required bool IsResting { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// The market's mid when the order reached the venue; absent from files written before the venue kept it.
    public decimal? ArrivalMid { get; init; }

    public required ImmutableArray<OrderEventSnapshot> Events { get; init; }
}
