using System.Collections.Immutable;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>One event as it goes into the <c>journal</c> table (and its tags into <c>tags</c>).</summary>
internal sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    long Created,
    string Manifest,
    byte[] Message,
    string? WriterUuid,
    ImmutableArray<string> Tags);
