using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// One event as a journal stores and replays it. The journal sets <see cref="Timestamp"/> (UTC ticks on the
/// system's clock) when it writes; <see cref="WriterGuid"/> names the actor incarnation that wrote it.
/// </summary>
public sealed record Persistent(
    object Payload,
    long SequenceNr,
    string PersistenceId,
    string Manifest = "",
    bool IsDeleted = false,
    string WriterGuid = "",
    long Timestamp = 0)
{
    /// <summary>Tags the event is indexed under for tag queries.</summary>
    public ImmutableArray<string> Tags { get; init; } = [];
}
