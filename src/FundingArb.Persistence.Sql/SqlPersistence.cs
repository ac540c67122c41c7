using FundingArb.Kernel;
using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.Persistence.Snapshot;
using FundingArb.Persistence.Sql.Journal;
using FundingArb.Persistence.Sql.PostgreSql;
using FundingArb.Persistence.Sql.Query;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Snapshot;
using FundingArb.Persistence.Sql.Sqlite;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// The entry point of the SQL stores: registers them with a system's persistence extension under the
/// plugin ids <c>sqlite</c> and <c>postgresql</c>, or builds them directly. Stores are created on first use.
/// </summary>
public static class SqlPersistence
{
    /// <summary>The plugin id of the SQLite journal and snapshot store.</summary>
    public const string SqlitePluginId = "sqlite";

    /// <summary>The plugin id of the PostgreSQL journal and snapshot store.</summary>
    public const string PostgreSqlPluginId = "postgresql";

    /// <summary>
    /// Registers the SQL journals, snapshot stores and read journals that <paramref name="persistenceConfig"/>
    /// (the <c>fundingarb.persistence</c> object) configures: <c>sqlite</c> always (its default file is
    /// <c>data/fundingarb.db</c>), <c>postgresql</c> when it has a connection string. Nothing is opened until a
    /// persistent actor or a query uses the plugin.
    /// </summary>
    /// <exception cref="ConfigurationException">A value has the wrong type, or the selected plugin is <c>postgresql</c> without a connection string.</exception>
    public static void Register(ActorSystem system, Config persistenceConfig, EventManifestRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(persistenceConfig);
        ArgumentNullException.ThrowIfNull(registry);
        foreach (var (pluginId, provider) in new[] { (SqlitePluginId, SqlProvider.Sqlite), (PostgreSqlPluginId, SqlProvider.PostgreSql) })
        {
            var journalPath = $"journal.{pluginId}";
            var journal = SqlSettingsBinder.Journal(persistenceConfig.GetConfig(journalPath), provider);
            if (Selected(persistenceConfig, "journal.plugin", pluginId, journal.ConnectionString, journalPath))
            {
                RegisterJournal(system, pluginId, journal, registry);
            }

            var snapshotPath = $"snapshot-store.{pluginId}";
            var snapshots = SqlSettingsBinder.SnapshotStore(persistenceConfig.GetConfig(snapshotPath), provider);
            if (Selected(persistenceConfig, "snapshot-store.plugin", pluginId, snapshots.ConnectionString, snapshotPath))
            {
                RegisterSnapshotStore(system, pluginId, snapshots, registry);
            }
        }
    }

    /// <summary>
    /// Registers a journal for <paramref name="settings"/> under <paramref name="pluginId"/>, and the read journal
    /// over it with <see cref="PersistenceQuery"/> under the same id; each is built when first used.
    /// </summary>
    public static void RegisterJournal(ActorSystem system, string pluginId, SqlJournalSettings settings, EventManifestRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        settings.Validate();
        PersistenceExtension.Get(system).RegisterJournal(pluginId, () => CreateJournal(settings, registry, system.TimeProvider, system.Log));
        PersistenceQuery.Get(system).RegisterReadJournal(pluginId, () => CreateReadJournal(settings, registry, system.TimeProvider));
    }

    /// <summary>Registers a snapshot store for <paramref name="settings"/> under <paramref name="pluginId"/>; built when first used.</summary>
    public static void RegisterSnapshotStore(ActorSystem system, string pluginId, SqlSnapshotStoreSettings settings, EventManifestRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        settings.Validate();
        PersistenceExtension.Get(system).RegisterSnapshotStore(pluginId, () => CreateSnapshotStore(settings, registry, system.TimeProvider));
    }

    /// <summary>A journal over <paramref name="settings"/>; the caller disposes it (the persistence extension does when it owns it).</summary>
    public static AsyncWriteJournal CreateJournal(SqlJournalSettings settings, EventManifestRegistry registry, TimeProvider timeProvider, ILoggingAdapter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(log);
        settings.Validate();
        var database = OpenDatabase(settings.Provider, settings.ConnectionString, settings.Schema, settings.AutoInitialize, timeProvider);
        JournalBatchWriter writer = database switch
        {
            SqliteDatabase sqlite => new SqliteJournalBatchWriter(sqlite, settings.SqliteSynchronous),
            PostgreSqlDatabase postgres => new PostgreSqlJournalBatchWriter(postgres),
            _ => throw new InvalidOperationException($"No batch writer for {database.Provider}."),
        };
        return new SqlJournal(database, writer, registry, settings, log);
    }

    /// <summary>A snapshot store over <paramref name="settings"/>; the caller disposes it.</summary>
    public static SnapshotStore CreateSnapshotStore(SqlSnapshotStoreSettings settings, EventManifestRegistry registry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(timeProvider);
        settings.Validate();
        return new SqlSnapshotStore(OpenDatabase(settings.Provider, settings.ConnectionString, settings.Schema, settings.AutoInitialize, timeProvider), registry, settings);
    }

    /// <summary>Persistence queries over the journal tables of <paramref name="settings"/>, polling on <paramref name="timeProvider"/>.</summary>
    public static ReadJournal CreateReadJournal(SqlJournalSettings settings, EventManifestRegistry registry, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(timeProvider);
        settings.Validate();
        var database = OpenDatabase(settings.Provider, settings.ConnectionString, settings.Schema, settings.AutoInitialize, timeProvider);
        return new SqlReadJournal(database, registry, timeProvider, new ReadJournalSettings { PageSize = settings.QueryPageSize, RefreshInterval = settings.QueryRefreshInterval });
    }

    /// <summary>True when the store has a connection string; throws when it is the selected plugin and has none.</summary>
    private static bool Selected(Config persistenceConfig, string pluginKey, string pluginId, string connectionString, string path)
    {
        if (connectionString.Length > 0)
        {
            return true;
        }

        if (persistenceConfig.GetString(pluginKey, "") == pluginId)
        {
            throw new ConfigurationException($"fundingarb.persistence.{path}.connection-string",
                $"fundingarb.persistence.{pluginKey} is {pluginId}, but fundingarb.persistence.{path}.connection-string is empty.");
        }

        return false;
    }

    internal static SqlDatabase OpenDatabase(SqlProvider provider, string connectionString, string schema, bool autoInitialize, TimeProvider timeProvider) =>
        provider switch
        {
            SqlProvider.Sqlite => new SqliteDatabase(connectionString, autoInitialize, timeProvider),
            SqlProvider.PostgreSql => new PostgreSqlDatabase(connectionString, schema, autoInitialize, timeProvider),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown SQL provider."),
        };
}
