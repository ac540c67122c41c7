namespace FundingArb.Kernel.Persistence;

/// <summary>Offered to the recovery handler first, when recovery starts from a snapshot.</summary>
public sealed record SnapshotOffer(SnapshotMetadata Metadata, object Snapshot);
