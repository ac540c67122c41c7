namespace FundingArb.Kernel.Persistence;

/// <summary>A snapshot a store found, with its metadata.</summary>
public sealed record SelectedSnapshot(SnapshotMetadata Metadata, object Snapshot);
