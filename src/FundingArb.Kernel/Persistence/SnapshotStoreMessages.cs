namespace FundingArb.Kernel.Persistence;

/// <summary>Find the youngest snapshot matching the criteria, capped at <paramref name="ToSequenceNr"/>.</summary>
public sealed record LoadSnapshot(string PersistenceId, SnapshotSelectionCriteria Criteria, long ToSequenceNr);

/// <summary>The snapshot found (null when none), echoing the cap.</summary>
public sealed record LoadSnapshotResult(SelectedSnapshot? Snapshot, long ToSequenceNr);

public sealed record LoadSnapshotFailed(Exception Cause);

public sealed record SaveSnapshot(SnapshotMetadata Metadata, object Snapshot);

public sealed record SaveSnapshotSuccess(SnapshotMetadata Metadata);

public sealed record SaveSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

public sealed record DeleteSnapshot(SnapshotMetadata Metadata);

public sealed record DeleteSnapshotSuccess(SnapshotMetadata Metadata);

public sealed record DeleteSnapshotFailure(SnapshotMetadata Metadata, Exception Cause);

public sealed record DeleteSnapshots(string PersistenceId, SnapshotSelectionCriteria Criteria);

public sealed record DeleteSnapshotsSuccess(SnapshotSelectionCriteria Criteria);

public sealed record DeleteSnapshotsFailure(SnapshotSelectionCriteria Criteria, Exception Cause);
