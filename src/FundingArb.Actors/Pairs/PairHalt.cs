namespace FundingArb.Actors.Pairs;

/// An executor that trades no more: what stopped it, in words an operator can act on.
public sealed record PairHalt(PairHaltKind Kind, string Reason);
