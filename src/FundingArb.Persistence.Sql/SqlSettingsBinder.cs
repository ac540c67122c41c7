using FundingArb.Kernel.Configuration;

namespace FundingArb.Persistence.Sql;

/// <summary>
/// Reads the SQL stores' settings from <c>fundingarb.persistence</c> (see hocon/reference.conf); a missing
/// key takes the settings record's default, a value of the wrong type throws naming its path.
/// </summary>
internal static class SqlSettingsBinder
{
    public static SqlJournalSettings Journal(Config plugin, SqlProvider provider)
    {
        var defaults = new SqlJournalSettings { Provider = provider, ConnectionString = "-" };
        return new SqlJournalSettings
        {
            Provider = provider,
            ConnectionString = plugin.GetString("connection-string", ""),
            Schema = plugin.GetString("schema", defaults.Schema),
            AutoInitialize = plugin.GetBoolean("auto-initialize", defaults.AutoInitialize),
            BatchSize = plugin.GetInt("batch-size", defaults.BatchSize),
            QueueSize = plugin.GetInt("queue-size", defaults.QueueSize),
            WriteParallelism = plugin.GetInt("write-parallelism", defaults.WriteParallelism),
            ReadParallelism = plugin.GetInt("read-parallelism", defaults.ReadParallelism),
            ReplayPageSize = plugin.GetInt("replay-page-size", defaults.ReplayPageSize),
            QueryPageSize = plugin.GetInt("query-page-size", defaults.QueryPageSize),
            QueryRefreshInterval = plugin.GetTimeSpan("query-refresh-interval", defaults.QueryRefreshInterval, allowInfinite: false),
            SqliteSynchronous = plugin.GetString("synchronous", defaults.SqliteSynchronous),
        };
    }

    public static SqlSnapshotStoreSettings SnapshotStore(Config plugin, SqlProvider provider)
    {
        var defaults = new SqlSnapshotStoreSettings { Provider = provider, ConnectionString = "-" };
        return new SqlSnapshotStoreSettings
        {
            Provider = provider,
            ConnectionString = plugin.GetString("connection-string", ""),
            Schema = plugin.GetString("schema", defaults.Schema),
            AutoInitialize = plugin.GetBoolean("auto-initialize", defaults.AutoInitialize),
            Parallelism = plugin.GetInt("parallelism", defaults.Parallelism),
        };
    }
}
