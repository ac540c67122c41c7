namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// Akka.Persistence.Sql journal settings tried for 100 writers (docs/benchmarks.md, "Journal"), and the best found
/// per database, which the quick mode measures beside its defaults.
/// </summary>
internal static class ApsTuning
{
    /// <summary>The best found on SQLite (on a WAL file): one writer, big batches and buffer.</summary>
    public const string Sqlite = "parallelism = 1\nbatch-size = 1000\nbuffer-size = 20000\nmax-row-by-row-size = 1000\ndb-round-trip-max-batch-size = 1000";

    /// <summary>The best found on PostgreSQL.</summary>
    public const string PostgreSql = "parallelism = 6\nbatch-size = 1000\nbuffer-size = 20000\nmax-row-by-row-size = 1000\ndb-round-trip-max-batch-size = 1000";

    /// <summary>Every variant the tuning run compares, by name.</summary>
    public static IReadOnlyList<(string Name, bool Wal, string Settings)> Variants { get; } =
    [
        ("defaults", false, ""),
        ("WAL", true, ""),
        ("WAL, parallelism 1", true, "parallelism = 1"),
        ("WAL, batch-size 1000", true, "batch-size = 1000\ndb-round-trip-max-batch-size = 1000"),
        ("WAL, parallelism 1, batch 1000, buffer 20000, row-by-row 1000", true, Sqlite),
        ("WAL, parallelism 6, batch 1000, buffer 20000, row-by-row 1000", true, PostgreSql),
        ("WAL, use-clone-connection off", true, "use-clone-connection = false"),
    ];
}
