using System.Collections.Immutable;

namespace FundingArb.Kernel.Persistence;

/// <summary>
/// Persist this around an event to index it under tags: the journal stores the bare payload with the tags,
/// and replays the bare payload. The persist handler receives the <see cref="Tagged"/> it was given.
/// </summary>
public sealed record Tagged(object Payload, ImmutableArray<string> Tags);
