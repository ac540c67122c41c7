using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence.Query;

/// <summary>
/// An event as a persistence query delivers it. <paramref name="Offset"/> is the journal's global ordering:
/// resume a tag or all-events query from the last offset seen (offsets are exclusive).
/// <paramref name="Timestamp"/> is when the journal stored the event, in UTC ticks.
/// </summary>
public sealed record EventEnvelope(long Offset, string PersistenceId, long SequenceNr, object Event, long Timestamp, ImmutableArray<string> Tags);
