using System.Reflection;
using Akka.Configuration;
using Akka.Coordination;
using FundingArb.Cluster.Leases;
using FundingArb.Cluster.Tests.Infrastructure;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Cluster.Tests.Leases;

/// <summary>
/// The lease as sharding gets it: Akka's LeaseProvider reads the <c>fundingarb.cluster.lease</c> section of a real
/// ActorSystem's HOCON (the project's reference.conf as fallback) and instantiates <c>lease-class</c>.
/// </summary>
public sealed class LeaseProviderTests : AkkaTestKit, IAsyncLifetime
{
    private const string LeaseClass = "FundingArb.Cluster.Leases.PostgreSqlLease, FundingArb.Cluster";

    private readonly LeaseDatabase _database;

    public LeaseProviderTests()
        : this(new LeaseDatabase())
    {
    }

    private LeaseProviderTests(LeaseDatabase database)
        : base(SystemConfig(database))
    {
        _database = database;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _database.DropAsync();

    [Fact]
    public void GetLease_ShippedSection_IsThePostgreSqlLeaseWithTheLanTimingsAndTheJournalsDatabase()
    {
        var lease = LeaseProvider.Get(Sys).GetLease("fundingarb-shard-executors-7", ClusterConfig.LeasePath, "node-a:4053");

        var postgreSql = Assert.IsType<PostgreSqlLease>(lease);
        Assert.Equal(
            (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), _database.ConnectionString, _database.Schema, "fundingarb_lease"),
            (postgreSql.LeaseSettings.HeartbeatInterval, postgreSql.LeaseSettings.HeartbeatTimeout, postgreSql.LeaseSettings.OperationTimeout,
                postgreSql.LeaseSettings.SafetyMargin, postgreSql.LeaseSettings.ConnectionString, postgreSql.LeaseSettings.Schema, postgreSql.LeaseSettings.Table));
        Assert.Equal(("fundingarb-shard-executors-7", "node-a:4053"), (lease.Settings.LeaseName, lease.Settings.OwnerName));
    }

    [Fact]
    public async Task GetLease_TwoOwnersOfOneShard_OnlyOneHoldsItUntilItIsReleased()
    {
        var provider = LeaseProvider.Get(Sys);
        var first = (PostgreSqlLease)provider.GetLease("fundingarb-shard-executors-7", ClusterConfig.LeasePath, "node-a:4053");
        var second = (PostgreSqlLease)provider.GetLease("fundingarb-shard-executors-7", ClusterConfig.LeasePath, "node-b:4053");

        Assert.True(await first.Acquire(_ => { }));
        Assert.False(await second.Acquire(_ => { }));
        Assert.True(await first.Release());
        Assert.True(await second.Acquire(_ => { }));

        Assert.Equal(2, second.FencingVersion);
        var leases = await new PostgreSqlLeaseStore(second.LeaseSettings).ListAsync(CancellationToken.None);
        Assert.Equal([("fundingarb-shard-executors-7", "node-b:4053")], leases.Select(l => (l.Name, l.Owner)));
    }

    [Fact]
    public async Task FromSystemConfig_ShippedSection_ListsTheLeasesTheProvidersLeasesHold()
    {
        var lease = LeaseProvider.Get(Sys).GetLease("fundingarb-shard-executors-3", ClusterConfig.LeasePath, "node-a:4053");
        await lease.Acquire(_ => { });

        var settings = PostgreSqlLeaseSettings.FromSystemConfig(Sys.Settings.Config);

        Assert.Equal(((PostgreSqlLease)lease).LeaseSettings, settings);
        var leases = await new PostgreSqlLeaseStore(settings).ListAsync(CancellationToken.None);
        Assert.Equal([("fundingarb-shard-executors-3", "node-a:4053", 1L)], leases.Select(l => (l.Name, l.Owner, l.Version)));
    }

    [Fact]
    public void GetLease_InvalidTable_FailsNamingTheKeyAndValue()
    {
        var error = Assert.Throws<TargetInvocationException>(() =>
            LeaseProvider.Get(Sys).GetLease("shard-1", "fundingarb.test.bad-lease", "node-a:4053"));

        var cause = Assert.IsType<ConfigurationException>(error.InnerException);
        Assert.Contains("table = shard leases", cause.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetLease_NoConnectionString_FailsNamingBothKeys()
    {
        var error = Assert.Throws<TargetInvocationException>(() =>
            LeaseProvider.Get(Sys).GetLease("shard-1", "fundingarb.test.unconnected-lease", "node-a:4053"));

        var cause = Assert.IsType<ConfigurationException>(error.InnerException);
        Assert.Contains("connection-string is empty and connection-string-path 'fundingarb.test.nothing'", cause.Message, StringComparison.Ordinal);
    }

    // As a node would: the journal's connection string, the lease's schema, and the project's reference.conf beneath.
    private static Config SystemConfig(LeaseDatabase database) =>
        ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.fundingarb-postgresql.connection-string = "{{database.ConnectionString}}"
            fundingarb.cluster.lease.schema = {{database.Schema}}
            fundingarb.test.bad-lease { lease-class = "{{LeaseClass}}", connection-string = "Host=db", table = "shard leases" }
            fundingarb.test.unconnected-lease { lease-class = "{{LeaseClass}}", connection-string-path = fundingarb.test.nothing }
            """).WithFallback(ClusterConfig.Default());
}
