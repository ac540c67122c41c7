using FundingArb.Actors.Journaling;
using FundingArb.Actors.Pairs;

namespace FundingArb.Actors.Orchestration;

/// An executor was created; it is started again after every restart until stored.
public sealed record ExecutorRegistered(PairSpec Spec) : IJournalEvent;

public sealed record ExecutorStored(string ExecutorId) : IJournalEvent;
