using System.Collections.Immutable;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// One event as it goes into the <c>journal</c> table (and its tags into <c>tags</c>): the payload as Akka's
/// serializer <paramref name="SerializerId"/> wrote it, under that serializer's string manifest.
/// </summary>
internal sealed record JournalRow(
    string PersistenceId,
    long SequenceNr,
    long Created,
    int SerializerId,
    string Manifest,
    byte[] Message,
    string? WriterUuid,
    ImmutableArray<string> Tags);
