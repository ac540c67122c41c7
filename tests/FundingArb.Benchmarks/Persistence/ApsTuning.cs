namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// Akka.Persistence.Sql journal settings tried for 100 writers (docs/benchmarks.md, "Journal"), and the best found
/// per database, which the quick mode measures beside its defaults.
/// </summary>
internal static class ApsTuning
{
    /// <summary>The best found on SQLite (on a WAL file): one writer, as Akka.Persistence.Sql's docs advise for SQLite.</summary>
    public const string Sqlite = "parallelism = 1";

    /// <summary>The best found on PostgreSQL: a connection per operation instead of a cloned one.</summary>
    public const string PostgreSql = "use-clone-connection = false";

    /// <summary>Every variant the tuning run compares: a name, whether an SQLite file is put in WAL mode first, the journal keys.</summary>
    public static IReadOnlyList<(string Name, bool Wal, string Settings)> Variants { get; } =
    [
        ("defaults", false, ""),
        ("defaults (WAL file)", true, ""),
        ("parallelism 1", true, "parallelism = 1"),
        ("parallelism 12", true, "parallelism = 12"),
        ("batch-size 1000", true, "batch-size = 1000\ndb-round-trip-max-batch-size = 1000"),
        ("parallelism 1, batch 1000, buffer 20000, row-by-row 1000", true, "parallelism = 1\nbatch-size = 1000\nbuffer-size = 20000\nmax-row-by-row-size = 1000\ndb-round-trip-max-batch-size = 1000"),
        ("parallelism 12, batch 1000, buffer 20000", true, "parallelism = 12\nbatch-size = 1000\ndb-round-trip-max-batch-size = 1000\nbuffer-size = 20000"),
        ("use-clone-connection off", true, PostgreSql),
    ];
}
