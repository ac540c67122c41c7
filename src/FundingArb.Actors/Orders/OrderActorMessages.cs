using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Orders;

/// An order whose intent was persisted but whose outcome was not: after a crash it is looked up, never resent.
public sealed record OrderIntent(ClientOrderId ClientOrderId, DateTimeOffset At) : IClusterMessage;

/// What an order actor is to do: trade Quantity (base, still to do) of Instrument on Side. Unresolved orders are
/// reconciled first; fills with KnownTradeIds (trade ids at the instrument's venue) were already counted by the
/// parent. FirstOrder, when set, is an order the parent intended with the phase (its intent is in the journal
/// already): it is sent at start.
public sealed record LegAssignment(
    LegId Leg,
    Instrument Instrument,
    OrderSide Side,
    decimal Quantity,
    bool ReduceOnly,
    ExecutionMode Mode,
    ImmutableArray<OrderIntent> Unresolved,
    ImmutableHashSet<string> KnownTradeIds,
    OrderRequest? FirstOrder = null) : IClusterMessage;

/// To the parent: persist the intent of this order and answer with OrderIntentRecorded (write-ahead). Mode is the
/// execution mode the leg uses for it.
public sealed record IntendOrder(LegId Leg, OrderType Type, OrderSide Side, decimal Quantity, decimal? Price, bool ReduceOnly, ExecutionMode Mode) : IClusterMessage;

/// From the parent: the intent is in the journal under the request's client order id; send it.
public sealed record OrderIntentRecorded(LegId Leg, OrderRequest Request) : IClusterMessage;

/// From the parent: the order failed the per-order risk checks and was not intended; the leg ends with Refusal.
public sealed record OrderIntentRefused(LegId Leg, string Refusal) : IClusterMessage;

/// To the parent: one execution of the leg, as the venue reported it.
public sealed record LegFillReported(LegId Leg, Fill Fill) : IClusterMessage;

/// To the parent: an order's outcome is final (its fills were reported before). Refusal names a venue refusal that
/// ends the leg (InsufficientMargin, ...), so the parent can journal it with the outcome.
public sealed record LegOrderResolved(LegId Leg, ClientOrderId ClientOrderId, OrderStatus Status, string? Refusal = null) : IClusterMessage;

/// To the parent: the leg has finished (Failure null) or given up; Filled is what this assignment filled.
public sealed record LegDone(LegId Leg, decimal Filled, string? Failure) : IClusterMessage;

/// From the parent: stop placing, cancel what rests, then report LegDone.
public sealed record CancelLeg : IClusterMessage
{
    public static CancelLeg Instance { get; } = new();
}
