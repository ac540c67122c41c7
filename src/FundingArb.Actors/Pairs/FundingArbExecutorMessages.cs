using System.Collections.Immutable;
using FundingArb.Actors.Wire;
using FundingArb.Trading.Barriers;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Pairs;

/// Stop the pair: close both legs (EarlyStop), or with KeepPosition leave them open and stop managing them.
public sealed record StopPair(bool KeepPosition) : IClusterMessage;

/// The best other direction for this pair's asset, as the controller last ranked it (its expected spread and its round
/// trip's fees), or null when this pair's direction is the best. Feeds the better-opportunity exit rule.
public sealed record AlternativeOpportunity(SwitchCandidate? Candidate) : IClusterMessage;

public sealed record GetPairReport : IClusterMessage
{
    public static GetPairReport Instance { get; } = new();
}

/// To the parent after every persisted change, and the answer to GetPairReport.
public sealed record ExecutorUpdated(PairReport Report) : IClusterMessage;

/// To the parent instead of ExecutorUpdated when the executor stops managing the pair (Report.Halt says why); it stops
/// right after, and is not started again.
public sealed record ExecutorHalted(PairReport Report) : IClusterMessage;

/// To the parent when recovery failed: the pair as far as its journal could be read, and the error (Report.Halt).
/// The executor stops right after; the parent decides whether to try again.
public sealed record ExecutorRecoveryFailed(PairReport Report) : IClusterMessage;

/// A pair as reports, the API and the dashboard show it. PnL figures are in the quote asset; trade PnL is realized
/// plus unrealized at the last mark. Halt is set once the executor has stopped managing the pair.
public sealed record PairReport(
    PairSpec Spec,
    PairPhase Phase,
    RunnableStatus Status,
    CloseType? CloseType,
    string? CloseReason,
    DateTimeOffset? OpenedAt,
    DateTimeOffset? ClosedAt,
    decimal SizeBase,
    decimal LongQuantity,
    decimal ShortQuantity,
    decimal FundingQuote,
    decimal FeesQuote,
    decimal TradePnlQuote,
    decimal NetPnlQuote,
    decimal VolumeQuote,
    ImmutableArray<string> ClientOrderIds,
    DateTimeOffset At,
    PairHalt? Halt = null) : IClusterMessage
{
    /// The address of the node running the executor, as its host stamps it (null before a host has).
    public string? Node { get; init; }

    public ExecutorInfo ToExecutorInfo(string controllerId) => new(
        Spec.ExecutorId, "funding_arb", controllerId, At, Status, CloseType, ClosedAt, NetPnlQuote,
        Spec.SizeQuote == 0m ? 0m : NetPnlQuote / (2m * Spec.SizeQuote), FeesQuote, VolumeQuote, Phase is PairPhase.Open);
}
