using FundingArb.Actors.Journaling;
using FundingArb.Actors.Orders;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Actors.Pairs;

// A funding-arb executor's journal. Plain values only, so every journal can store them under a stable manifest
// (PairEventManifests); an executor's state is the fold of these events (PairState.Apply).

/// Pre-flight passed: both legs are to reach Size (base) each; prices and the spread are what it was decided on.
public sealed record PairEntryStarted(decimal Size, decimal LongPrice, decimal ShortPrice, decimal EntrySpreadPerDay, DateTimeOffset At) : IJournalEvent;

/// Write-ahead: this order will be sent under ClientOrderId (derived from the persistence id and this event's
/// sequence number), so after a crash it is looked up, never sent again. Mode is the execution mode its leg used
/// for it (an adaptive leg's choice; null in events written before it was recorded).
public sealed record PairOrderIntended(string Leg, string ClientOrderId, string Venue, string Symbol, OrderSide Side, OrderType Type,
    decimal Quantity, decimal? Price, bool ReduceOnly, DateTimeOffset At, ExecutionMode? Mode = null) : IJournalEvent;

public sealed record PairLegFilled(string Leg, string Venue, string ClientOrderId, string TradeId, OrderSide Side, decimal Price,
    decimal Quantity, decimal Fee, string FeeAsset, LiquidityRole Role, DateTimeOffset At) : IJournalEvent;

/// The order's outcome is final; its fills are in the journal before this. Refusal, when set, is a venue refusal
/// that failed its leg: an entry with one rolls back, even if the node died before it could say so.
public sealed record PairOrderResolved(string ClientOrderId, OrderStatus Status, string? Refusal = null) : IJournalEvent;

public sealed record PairOpened(DateTimeOffset At) : IJournalEvent;

/// The entry missed its deadline close enough to the size: the short leg is taken at market.
public sealed record PairCompletionStarted(string Reason, DateTimeOffset At) : IJournalEvent;

public sealed record PairRollbackStarted(string Reason, DateTimeOffset At) : IJournalEvent;

public sealed record PairExitStarted(CloseType CloseType, string Reason, DateTimeOffset At) : IJournalEvent;

public sealed record PairFundingReceived(string Venue, string Symbol, PositionSide Side, decimal Size, decimal Price, decimal Rate,
    decimal Amount, DateTimeOffset At) : IJournalEvent;

public sealed record PairClosed(CloseType CloseType, string Reason, DateTimeOffset At) : IJournalEvent;
