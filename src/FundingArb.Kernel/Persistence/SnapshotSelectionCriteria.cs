namespace FundingArb.Kernel.Persistence;

/// <summary>Which snapshots match: sequence number and timestamp bounds, all inclusive.</summary>
public sealed record SnapshotSelectionCriteria(long MaxSequenceNr, DateTime MaxTimeStamp, long MinSequenceNr = 0, DateTime? MinTimestamp = null)
{
    public SnapshotSelectionCriteria(long maxSequenceNr)
        : this(maxSequenceNr, DateTime.MaxValue)
    {
    }

    /// <summary>The newest snapshot.</summary>
    public static SnapshotSelectionCriteria Latest { get; } = new(long.MaxValue, DateTime.MaxValue);

    /// <summary>No snapshot.</summary>
    public static SnapshotSelectionCriteria None { get; } = new(0, DateTime.MinValue);

    public bool IsMatch(SnapshotMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.SequenceNr <= MaxSequenceNr
            && metadata.Timestamp <= MaxTimeStamp
            && metadata.SequenceNr >= MinSequenceNr
            && (MinTimestamp is not { } min || metadata.Timestamp >= min);
    }

    /// <summary>The same criteria, capped at <paramref name="toSequenceNr"/>.</summary>
    public SnapshotSelectionCriteria Limit(long toSequenceNr) =>
        toSequenceNr < MaxSequenceNr ? this with { MaxSequenceNr = toSequenceNr } : this;
}
