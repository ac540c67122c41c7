using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;

namespace FundingArb.Actors.Journaling;

/// The stable manifest of every event the actors persist. A journal that serialises (the SQL journal) registers
/// these; renaming a class keeps its manifest, and a changed shape gets a new version and an upcaster.
public static class ActorEventManifests
{
    public static IReadOnlyList<KeyValuePair<Type, string>> All { get; } =
    [
        KeyValuePair.Create(typeof(ExecutorRegistered), "executor-registered.v1"),
        KeyValuePair.Create(typeof(ExecutorStored), "executor-stored.v1"),
        KeyValuePair.Create(typeof(PairEntryStarted), "pair-entry-started.v1"),
        KeyValuePair.Create(typeof(PairOrderIntended), "pair-order-intended.v1"),
        KeyValuePair.Create(typeof(PairLegFilled), "pair-leg-filled.v1"),
        KeyValuePair.Create(typeof(PairOrderResolved), "pair-order-resolved.v1"),
        KeyValuePair.Create(typeof(PairOpened), "pair-opened.v1"),
        KeyValuePair.Create(typeof(PairCompletionStarted), "pair-completion-started.v1"),
        KeyValuePair.Create(typeof(PairRollbackStarted), "pair-rollback-started.v1"),
        KeyValuePair.Create(typeof(PairExitStarted), "pair-exit-started.v1"),
        KeyValuePair.Create(typeof(PairFundingReceived), "pair-funding-received.v1"),
        KeyValuePair.Create(typeof(PairClosed), "pair-closed.v1"),
        KeyValuePair.Create(typeof(KillSwitchEngaged), "kill-switch-engaged.v1"),
        KeyValuePair.Create(typeof(KillSwitchReleased), "kill-switch-released.v1"),
    ];
}
