using Akka.Configuration;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Persistence.Sql.Tests.Configuration;

public sealed class SqlPersistenceConfigTests : AkkaTestKit, IAsyncLifetime
{
    private readonly SqliteTestDatabase _sqlite = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sqlite.DisposeAsync();

    [Fact]
    public async Task DefaultConfig_SqlitePluginsChosenByHocon_PersistToTheConfiguredFile()
    {
        var hocon = $$"""
            akka.actor.serializers.test = "FundingArb.Persistence.Sql.Tests.Infrastructure.TestSerializer, FundingArb.Persistence.Sql.Tests"
            akka.actor.serialization-bindings { "System.Object" = test }
            akka.persistence.journal.plugin = "{{SqlPersistence.SqliteJournal}}"
            akka.persistence.snapshot-store.plugin = "{{SqlPersistence.SqliteSnapshotStore}}"
            akka.persistence.journal.fundingarb-sqlite.connection-string = "{{_sqlite.ConnectionString}}"
            akka.persistence.snapshot-store.fundingarb-sqlite.connection-string = "{{_sqlite.ConnectionString}}"
            """;
        using (var kit = new AkkaTestKit(ConfigurationFactory.ParseString(hocon).WithFallback(SqlPersistence.DefaultConfig())))
        {
            var ledger = kit.Sys.ActorOf(Props("configured", kit.TestActor));
            await kit.ExpectMsgAsync<Recovered>();

            ledger.Tell(new Add("x", 2.5m), kit.TestActor);

            await kit.ExpectMsgAsync<Added>(a => a.SequenceNr == 1);
            await kit.Sys.Terminate();
        }

        Assert.Equal(1, await _sqlite.ScalarAsync("SELECT COUNT(*) FROM journal WHERE persistence_id = 'configured'"));
    }

    [Fact]
    public void DefaultConfig_PostgreSqlJournalWithoutConnectionString_FailsNamingTheSetting()
    {
        var section = SqlPersistence.DefaultConfig().GetConfig(SqlPersistence.PostgreSqlJournal);

        var error = Assert.Throws<ConfigurationException>(() => SqlSettingsBinder.Journal(section));

        Assert.Contains("ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binder_EveryJournalKey_ReachesTheSettings()
    {
        var config = ConfigurationFactory.ParseString("""
            provider = postgresql, connection-string = "Host=db", schema = trading, auto-initialize = off, batch-size = 50,
            queue-size = 60, write-parallelism = 3, read-parallelism = 4, replay-page-size = 70, synchronous = normal
            """);

        var settings = SqlSettingsBinder.Journal(config);

        Assert.Equal(
            new SqlJournalSettings
            {
                Provider = SqlProvider.PostgreSql, ConnectionString = "Host=db", Schema = "trading", AutoInitialize = false, BatchSize = 50,
                QueueSize = 60, WriteParallelism = 3, ReadParallelism = 4, ReplayPageSize = 70, SqliteSynchronous = "normal",
            },
            settings);
    }

    [Fact]
    public void Binder_EveryQueryKey_ReachesTheSettings()
    {
        var config = ConfigurationFactory.ParseString("write-plugin = \"akka.persistence.journal.x\", page-size = 7, refresh-interval = 250ms");

        var settings = SqlSettingsBinder.ReadJournal(config);

        Assert.Equal(new SqlReadJournalSettings { WritePlugin = "akka.persistence.journal.x", PageSize = 7, RefreshInterval = TimeSpan.FromMilliseconds(250) }, settings);
    }

    [Fact]
    public void DefaultConfig_Defaults_EqualTheSettingsRecordDefaults()
    {
        var config = SqlPersistence.DefaultConfig();

        var journal = SqlSettingsBinder.Journal(config.GetConfig(SqlPersistence.SqliteJournal));
        var snapshots = SqlSettingsBinder.SnapshotStore(config.GetConfig(SqlPersistence.SqliteSnapshotStore));
        var queries = SqlSettingsBinder.ReadJournal(config.GetConfig(SqlPersistence.SqliteReadJournal));

        Assert.Equal(new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = "Data Source=data/journal.db" }, journal);
        Assert.Equal(new SqlSnapshotStoreSettings { Provider = SqlProvider.Sqlite, ConnectionString = "Data Source=data/journal.db" }, snapshots);
        Assert.Equal(new SqlReadJournalSettings { WritePlugin = SqlPersistence.SqliteJournal }, queries);
    }

    [Theory]
    [InlineData(SqlPersistence.SqliteJournal)]
    [InlineData(SqlPersistence.PostgreSqlJournal)]
    [InlineData(SqlPersistence.SqliteSnapshotStore)]
    [InlineData(SqlPersistence.PostgreSqlSnapshotStore)]
    [InlineData(SqlPersistence.SqliteReadJournal)]
    [InlineData(SqlPersistence.PostgreSqlReadJournal)]
    public void DefaultConfig_Plugin_NamesALoadableClass(string path)
    {
        var className = SqlPersistence.DefaultConfig().GetString($"{path}.class");

        Assert.NotNull(Type.GetType(className, throwOnError: true));
    }
}
