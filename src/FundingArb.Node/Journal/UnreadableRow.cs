namespace FundingArb.Node.Journal;

/// A journal row no event can be read from: where it is and why.
public sealed record UnreadableRow(long Offset, string PersistenceId, long SequenceNr, string Manifest, string Error);
