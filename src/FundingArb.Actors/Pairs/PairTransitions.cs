using System.Collections.Frozen;

namespace FundingArb.Actors.Pairs;

// A pair's phase machine, one edge per line. An event its phase does not list is a bug or a corrupt journal: PairState
// refuses it (a live executor checks before it persists; a replay that meets one fails, and the executor stops with the
// error). Fills and resolutions are allowed after the legs' phase has moved on, because a venue reports a fill that raced
// a cancel after the cancel: money that moved is always recorded.

/// Which events each phase of a pair allows, and the phase each leads to.
public static class PairTransitions
{
    private static readonly FrozenDictionary<(PairPhase From, Type Event), PairPhase> s_edges = new (PairPhase From, Type Event, PairPhase To)[]
    {
        // The pre-flight passed: sizes and prices are fixed, and the legs may start.
        (PairPhase.New, typeof(PairEntryStarted), PairPhase.Opening),
        // A pre-flight refusal, or a stop before the entry: nothing was ever placed.
        (PairPhase.New, typeof(PairClosed), PairPhase.Closed),

        // Each leg's order is intended before it is sent, and its outcome recorded once final.
        (PairPhase.Opening, typeof(PairOrderIntended), PairPhase.Opening),
        (PairPhase.Opening, typeof(PairLegFilled), PairPhase.Opening),
        (PairPhase.Opening, typeof(PairOrderResolved), PairPhase.Opening),
        (PairPhase.Opening, typeof(PairFundingReceived), PairPhase.Opening),
        // Both legs filled to the size: hedged.
        (PairPhase.Opening, typeof(PairOpened), PairPhase.Open),
        // The deadline passed with the less-filled leg at or above the rollback threshold: the short leg is taken at market.
        (PairPhase.Opening, typeof(PairCompletionStarted), PairPhase.Completing),
        // A leg failed, the deadline passed below the threshold, or a stop came during the entry.
        (PairPhase.Opening, typeof(PairRollbackStarted), PairPhase.RollingBack),
        // A stop that keeps the position: what filled stays with the user.
        (PairPhase.Opening, typeof(PairClosed), PairPhase.Closed),

        (PairPhase.Completing, typeof(PairOrderIntended), PairPhase.Completing),
        (PairPhase.Completing, typeof(PairLegFilled), PairPhase.Completing),
        (PairPhase.Completing, typeof(PairOrderResolved), PairPhase.Completing),
        (PairPhase.Completing, typeof(PairFundingReceived), PairPhase.Completing),
        (PairPhase.Completing, typeof(PairOpened), PairPhase.Open),
        // The completion left the legs unequal.
        (PairPhase.Completing, typeof(PairRollbackStarted), PairPhase.RollingBack),
        // A stop that closes both legs while the completion runs.
        (PairPhase.Completing, typeof(PairExitStarted), PairPhase.Closing),
        (PairPhase.Completing, typeof(PairClosed), PairPhase.Closed),

        (PairPhase.RollingBack, typeof(PairOrderIntended), PairPhase.RollingBack),
        (PairPhase.RollingBack, typeof(PairLegFilled), PairPhase.RollingBack),
        (PairPhase.RollingBack, typeof(PairOrderResolved), PairPhase.RollingBack),
        (PairPhase.RollingBack, typeof(PairFundingReceived), PairPhase.RollingBack),
        // Flat again (RolledBack), or a stop that keeps what is left.
        (PairPhase.RollingBack, typeof(PairClosed), PairPhase.Closed),

        // A fill or resolution of an entry order that raced the last cancel.
        (PairPhase.Open, typeof(PairLegFilled), PairPhase.Open),
        (PairPhase.Open, typeof(PairOrderResolved), PairPhase.Open),
        (PairPhase.Open, typeof(PairFundingReceived), PairPhase.Open),
        // An exit rule fired, or a stop that closes both legs.
        (PairPhase.Open, typeof(PairExitStarted), PairPhase.Closing),
        // A stop that keeps the position.
        (PairPhase.Open, typeof(PairClosed), PairPhase.Closed),

        (PairPhase.Closing, typeof(PairOrderIntended), PairPhase.Closing),
        (PairPhase.Closing, typeof(PairLegFilled), PairPhase.Closing),
        (PairPhase.Closing, typeof(PairOrderResolved), PairPhase.Closing),
        (PairPhase.Closing, typeof(PairFundingReceived), PairPhase.Closing),
        // Flat, or a stop that keeps what is left.
        (PairPhase.Closing, typeof(PairClosed), PairPhase.Closed),

        // A fill or resolution of an order that raced a keep-position stop: the position it changed is the user's.
        (PairPhase.Closed, typeof(PairLegFilled), PairPhase.Closed),
        (PairPhase.Closed, typeof(PairOrderResolved), PairPhase.Closed),
    }.ToFrozenDictionary(e => (e.From, e.Event), e => e.To);

    public static bool Allows(PairPhase phase, Type eventType) => s_edges.ContainsKey((phase, eventType));

    /// The phase after the event, or an InvalidOperationException naming both when the phase does not allow it.
    public static PairPhase Next(PairPhase phase, object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return s_edges.TryGetValue((phase, @event.GetType()), out var next)
            ? next
            : throw new InvalidOperationException($"{@event.GetType().Name} is not allowed while the pair is {phase}.");
    }
}
