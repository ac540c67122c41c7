namespace FundingArb.Persistence.Sql;

/// <summary>
/// The settings of a SQL journal, bound from its plugin section (<c>akka.persistence.journal.fundingarb-sqlite</c>
/// or <c>akka.persistence.journal.fundingarb-postgresql</c>; every key is documented in the embedded reference.conf).
/// </summary>
public sealed record SqlJournalSettings
{
    /// <summary>Which engine the connection string is for.</summary>
    public required SqlProvider Provider { get; init; }

    /// <summary>An ADO.NET connection string (Microsoft.Data.Sqlite or Npgsql syntax).</summary>
    public required string ConnectionString { get; init; }

    /// <summary>The PostgreSQL schema holding the tables; ignored by SQLite (one file is one schema).</summary>
    public string Schema { get; init; } = "public";

    /// <summary>Whether the tables are created (and migrated) when the store first opens.</summary>
    public bool AutoInitialize { get; init; } = true;

    /// <summary>
    /// The most rows one group-commit transaction takes from the queue. An atomic write larger than this
    /// still goes out whole, in a transaction of its own.
    /// </summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>Write requests (one per persistent actor's WriteMessages) that may wait; beyond it writes fail.</summary>
    public int QueueSize { get; init; } = 10_000;

    /// <summary>
    /// Group-commit loops (PostgreSQL; SQLite has one writer whatever this says). Commits are ordered by an
    /// advisory lock, so a second loop only overlaps round trips; it helps when more than a batch is queued
    /// and splits waves of writes into smaller transactions otherwise. One is the measured best default.
    /// </summary>
    public int WriteParallelism { get; init; } = 1;

    /// <summary>Reads (replays, highest sequence numbers, deletes) running at once; further ones wait their turn.</summary>
    public int ReadParallelism { get; init; } = 8;

    /// <summary>Events one replay query fetches; a recovery pages through its events this many at a time.</summary>
    public int ReplayPageSize { get; init; } = 1000;

    /// <summary>
    /// SQLite's <c>synchronous</c> pragma for the writer: <c>full</c> (every commit reaches the disk; survives
    /// power loss) or <c>normal</c> (commits survive a process crash, the last ones may not survive power loss).
    /// </summary>
    public string SqliteSynchronous { get; init; } = "full";

    /// <summary>Checks the values and throws <see cref="ArgumentException"/> naming the first that is wrong.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ConnectionString, nameof(ConnectionString));
        ArgumentException.ThrowIfNullOrWhiteSpace(Schema, nameof(Schema));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BatchSize, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(QueueSize, nameof(QueueSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WriteParallelism, nameof(WriteParallelism));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReadParallelism, nameof(ReadParallelism));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ReplayPageSize, nameof(ReplayPageSize));
        if (SqliteSynchronous is not ("full" or "normal" or "extra"))
        {
            throw new ArgumentException($"SqliteSynchronous must be full, normal or extra, not '{SqliteSynchronous}'.", nameof(SqliteSynchronous));
        }

        SqlIdentifier.Validate(Schema, nameof(Schema));
    }
}
