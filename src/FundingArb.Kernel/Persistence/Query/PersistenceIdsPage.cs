namespace FundingArb.Kernel.Persistence.Query;

/// <summary>
/// Persistence ids with events after an offset, and the offset this page reaches: the next page asks for
/// ids after it.
/// </summary>
public sealed record PersistenceIdsPage(IReadOnlyList<string> PersistenceIds, long Offset);
