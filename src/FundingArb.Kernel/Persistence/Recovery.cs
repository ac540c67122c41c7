namespace FundingArb.Kernel.Persistence;

/// <summary>How a persistent actor recovers: from which snapshot, up to which sequence number, and at most how many events.</summary>
public sealed record Recovery(SnapshotSelectionCriteria FromSnapshot, long ToSequenceNr = long.MaxValue, long ReplayMax = long.MaxValue)
{
    /// <summary>The newest snapshot, then every later event.</summary>
    public static Recovery Default { get; } = new(SnapshotSelectionCriteria.Latest);

    /// <summary>Neither snapshot nor events; the sequence number still continues from the journal's highest.</summary>
    public static Recovery None { get; } = new(SnapshotSelectionCriteria.None, 0);
}
