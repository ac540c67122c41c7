using Akka.Configuration;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// The plugins' ids and their reference configuration. A host adds <see cref="DefaultConfig"/> as a fallback
/// of its own configuration (Akka.Persistence.Sql does the same with its own), then chooses the plugins:
/// <c>akka.persistence.journal.plugin = "akka.persistence.journal.fundingarb-sqlite"</c>.
/// </summary>
public static class SqlPersistence
{
    /// <summary>The journal of the embedded SQLite file (the single-node default).</summary>
    public const string SqliteJournal = "akka.persistence.journal.fundingarb-sqlite";

    /// <summary>The snapshot store in the same SQLite file.</summary>
    public const string SqliteSnapshotStore = "akka.persistence.snapshot-store.fundingarb-sqlite";

    /// <summary>Persistence queries over the SQLite journal.</summary>
    public const string SqliteReadJournal = "akka.persistence.query.journal.fundingarb-sqlite";

    /// <summary>The journal on a PostgreSQL server (a cluster's shared store).</summary>
    public const string PostgreSqlJournal = "akka.persistence.journal.fundingarb-postgresql";

    public const string PostgreSqlSnapshotStore = "akka.persistence.snapshot-store.fundingarb-postgresql";

    public const string PostgreSqlReadJournal = "akka.persistence.query.journal.fundingarb-postgresql";

    private static readonly Lazy<string> s_referenceConf = new(Load);

    /// <summary>
    /// Every key of the plugins with its default (the assembly's embedded reference.conf). A new instance each
    /// call: Akka links fallbacks into the configs it is given, so one shared instance would chain systems together.
    /// </summary>
    public static Config DefaultConfig() => ConfigurationFactory.ParseString(s_referenceConf.Value);

    private static string Load()
    {
        using var stream = typeof(SqlPersistence).Assembly.GetManifestResourceStream("FundingArb.Persistence.Sql.reference.conf")
            ?? throw new InvalidOperationException("The embedded reference.conf of FundingArb.Persistence.Sql is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
