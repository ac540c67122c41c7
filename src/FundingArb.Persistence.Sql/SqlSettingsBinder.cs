using Akka.Configuration;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// Reads the plugins' settings from their HOCON sections (documented in the embedded reference.conf); a missing
/// key takes the settings record's default, a bad value throws <see cref="ConfigurationException"/> naming the key.
/// </summary>
internal static class SqlSettingsBinder
{
    public static SqlJournalSettings Journal(Config plugin)
    {
        var defaults = new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = "-" };
        return Checked(plugin, () => new SqlJournalSettings
        {
            Provider = Provider(plugin),
            ConnectionString = plugin.GetString("connection-string", ""),
            Schema = plugin.GetString("schema", defaults.Schema),
            AutoInitialize = plugin.GetBoolean("auto-initialize", defaults.AutoInitialize),
            BatchSize = plugin.GetInt("batch-size", defaults.BatchSize),
            QueueSize = plugin.GetInt("queue-size", defaults.QueueSize),
            WriteParallelism = plugin.GetInt("write-parallelism", defaults.WriteParallelism),
            ReadParallelism = plugin.GetInt("read-parallelism", defaults.ReadParallelism),
            ReplayPageSize = plugin.GetInt("replay-page-size", defaults.ReplayPageSize),
            SqliteSynchronous = plugin.GetString("synchronous", defaults.SqliteSynchronous),
        }, s => s.Validate());
    }

    public static SqlSnapshotStoreSettings SnapshotStore(Config plugin)
    {
        var defaults = new SqlSnapshotStoreSettings { Provider = SqlProvider.Sqlite, ConnectionString = "-" };
        return Checked(plugin, () => new SqlSnapshotStoreSettings
        {
            Provider = Provider(plugin),
            ConnectionString = plugin.GetString("connection-string", ""),
            Schema = plugin.GetString("schema", defaults.Schema),
            AutoInitialize = plugin.GetBoolean("auto-initialize", defaults.AutoInitialize),
            Parallelism = plugin.GetInt("parallelism", defaults.Parallelism),
        }, s => s.Validate());
    }

    public static SqlReadJournalSettings ReadJournal(Config plugin)
    {
        var defaults = new SqlReadJournalSettings { WritePlugin = "-" };
        return Checked(plugin, () => new SqlReadJournalSettings
        {
            WritePlugin = plugin.GetString("write-plugin", ""),
            PageSize = plugin.GetInt("page-size", defaults.PageSize),
            RefreshInterval = plugin.GetTimeSpan("refresh-interval", defaults.RefreshInterval, allowInfinite: false),
        }, s => s.Validate());
    }

    private static SqlProvider Provider(Config plugin) => plugin.GetString("provider", "") switch
    {
        "sqlite" => SqlProvider.Sqlite,
        "postgresql" => SqlProvider.PostgreSql,
        var other => throw new ConfigurationException($"provider must be sqlite or postgresql, not '{other}'."),
    };

    /// <summary>Binds and validates, turning any error into a <see cref="ConfigurationException"/> that says which plugin section is wrong.</summary>
    private static T Checked<T>(Config plugin, Func<T> bind, Action<T> validate)
    {
        ArgumentNullException.ThrowIfNull(plugin);
        try
        {
            var settings = bind();
            validate(settings);
            return settings;
        }
        catch (Exception error) when (error is ArgumentException or FormatException or ConfigurationException)
        {
            throw new ConfigurationException($"Invalid SQL persistence plugin settings: {error.Message}", error);
        }
    }
}
