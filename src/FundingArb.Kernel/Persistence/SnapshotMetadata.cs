namespace FundingArb.Kernel.Persistence;

/// <summary>Identifies a snapshot: whose, at which sequence number, and when it was taken (UTC).</summary>
public sealed record SnapshotMetadata(string PersistenceId, long SequenceNr, DateTime Timestamp)
{
    public SnapshotMetadata(string persistenceId, long sequenceNr)
        : this(persistenceId, sequenceNr, DateTime.MinValue)
    {
    }
}
