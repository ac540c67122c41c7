using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;

namespace FundingArb.Persistence.Sql.Tests.Configuration;

public sealed class SqlPersistenceConfigTests : TestKit, IAsyncLifetime
{
    private readonly SqliteTestStores _sqlite = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _sqlite.DisposeAsync();

    [Fact]
    public async Task Register_SqliteSelected_DefaultPluginWritesToTheConfiguredFile()
    {
        var hocon = $$"""
            fundingarb.persistence {
              journal { plugin = sqlite, sqlite.connection-string = "{{_sqlite.ConnectionString}}" }
              snapshot-store { plugin = sqlite, sqlite.connection-string = "{{_sqlite.ConnectionString}}" }
            }
            """;
        using (var kit = new Kit(hocon))
        {
            SqlPersistence.Register(kit.Sys, kit.Sys.Config.GetConfig("fundingarb.persistence"), TestRegistry.Create());
            var ledger = kit.Sys.ActorOf(Props("configured", kit.TestActor, journalPluginId: null, snapshotPluginId: null));
            await kit.ExpectMsgAsync<Recovered>();

            ledger.Tell(new Add("x", 2.5m), kit.TestActor);

            await kit.ExpectMsgAsync(new Added(1));
        }

        await using var journal = _sqlite.CreateJournal(Sys.Log);
        Assert.Equal(1, await journal.ReadHighestSequenceNrAsync("configured", 0, CancellationToken.None));
    }

    [Fact]
    public void Register_PostgreSqlSelectedWithoutConnectionString_ThrowsNamingTheKey()
    {
        using var kit = new Kit("fundingarb.persistence.journal.plugin = postgresql");

        var error = Assert.Throws<ConfigurationException>(() =>
            SqlPersistence.Register(kit.Sys, kit.Sys.Config.GetConfig("fundingarb.persistence"), TestRegistry.Create()));

        Assert.Equal("fundingarb.persistence.journal.postgresql.connection-string", error.Path);
    }

    [Fact]
    public void Binder_EveryKey_ReachesTheSettings()
    {
        var config = ConfigurationFactory.ParseString("""
            connection-string = "Host=db", schema = trading, auto-initialize = off, batch-size = 50, queue-size = 60,
            write-parallelism = 3, read-parallelism = 4, replay-page-size = 70, query-page-size = 80,
            query-refresh-interval = 250ms, synchronous = normal
            """);

        var settings = SqlSettingsBinder.Journal(config, SqlProvider.PostgreSql);

        Assert.Equal(
            new SqlJournalSettings
            {
                Provider = SqlProvider.PostgreSql, ConnectionString = "Host=db", Schema = "trading", AutoInitialize = false, BatchSize = 50,
                QueueSize = 60, WriteParallelism = 3, ReadParallelism = 4, ReplayPageSize = 70, QueryPageSize = 80,
                QueryRefreshInterval = TimeSpan.FromMilliseconds(250), SqliteSynchronous = "normal",
            },
            settings);
    }

    [Fact]
    public void ReferenceConf_Defaults_EqualTheSettingsRecordDefaults()
    {
        var config = ConfigurationFactory.Default().GetConfig("fundingarb.persistence");

        var sqlite = SqlSettingsBinder.Journal(config.GetConfig("journal.sqlite"), SqlProvider.Sqlite);
        var postgres = SqlSettingsBinder.Journal(config.GetConfig("journal.postgresql"), SqlProvider.PostgreSql);
        var snapshots = SqlSettingsBinder.SnapshotStore(config.GetConfig("snapshot-store.sqlite"), SqlProvider.Sqlite);

        Assert.Equal(new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = "Data Source=data/fundingarb.db" }, sqlite);
        Assert.Equal(new SqlJournalSettings { Provider = SqlProvider.PostgreSql, ConnectionString = "" }, postgres);
        Assert.Equal(new SqlSnapshotStoreSettings { Provider = SqlProvider.Sqlite, ConnectionString = "Data Source=data/fundingarb.db" }, snapshots);
    }

    private sealed class Kit(string hocon) : TestKit(hocon);
}
