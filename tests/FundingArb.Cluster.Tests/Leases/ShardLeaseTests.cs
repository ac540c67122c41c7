using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Event;
using FundingArb.Cluster.Tests.Infrastructure;
using FundingArb.Persistence.Sql.Tests.Outage;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Cluster.Tests.Leases;

/// <summary>
/// Akka's sharding on a one-node cluster with <c>use-lease = "fundingarb.cluster.lease"</c>: a shard starts its
/// entities only under the PostgreSQL lease, and when the lease's server goes away the shard stops its entities before
/// the database would let another node take the lease.
/// </summary>
[Collection(OneServerAtATime.Name)]
public sealed class ShardLeaseTests : AkkaTestKit, IAsyncLifetime
{
    private PrivatePostgreSql _server = null!;
    private LeaseDatabase _database = null!;
    private ActorSystem _node = null!;

    // The node's system is built here, not by the TestKit: its configuration names a server that starts first.
    public async Task InitializeAsync()
    {
        _server = await PrivatePostgreSql.StartAsync();
        _database = LeaseDatabase.OnPrivateServer(_server);
        _node = ActorSystem.Create("shard-lease", SystemConfig(_database));
        var cluster = Akka.Cluster.Cluster.Get(_node);
        await cluster.JoinAsync(cluster.SelfAddress).WaitAsync(TimeSpan.FromSeconds(30));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _node.Terminate();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Shard_LeaseServerStopped_StopsItsEntitiesBeforeTheLeaseExpires()
    {
        var probe = CreateTestProbe(_node);
        var region = await ClusterSharding.Get(_node).StartAsync("executors", Props.Create<EchoEntity>(), ClusterShardingSettings.Create(_node), new EchoEntity.Extractor());
        region.Tell(new EchoEntity.Envelope("pair-1"), probe.Ref);
        var entity = await probe.ExpectMsgAsync<IActorRef>(TimeSpan.FromSeconds(30));
        var owner = Akka.Cluster.Cluster.Get(_node).SelfAddress.HostPort();
        var leaseName = "shard-lease-shard-executors-0";
        var held = (await _database.RowAsync(leaseName))!.Value;
        Assert.Equal((owner, 1L), (held.Owner, held.Version));
        probe.Watch(entity);
        var logs = CreateTestProbe(_node);
        _node.EventStream.Subscribe(logs.Ref, typeof(LogEvent));

        await _server.StopAsync();
        await probe.ExpectTerminatedAsync(entity, TimeSpan.FromSeconds(30));
        var stoppedAt = TimeProvider.System.GetUtcNow();
        await logs.FishForMessageAsync<LogEvent>(e => e.Message.ToString()!.Contains("lease lost, stopping shard", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        await _server.RestartAsync();

        var row = (await _database.RowAsync(leaseName))!.Value;
        Assert.Equal((owner, 1L), (row.Owner, row.Version));
        Assert.True(stoppedAt < row.ExpiresAt, $"the entity stopped at {stoppedAt:O}, the database lets the lease go at {row.ExpiresAt:O}");
    }

    // A one-node cluster on a free loopback port; the shipped lease section on this test's server, sized down so the
    // test runs in seconds; sharding retries a lease it could not take every 200 ms.
    private static Config SystemConfig(LeaseDatabase database) =>
        ConfigurationFactory.ParseString($$"""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = 127.0.0.1, port = 0 }
            akka.cluster.sharding { use-lease = "{{ClusterConfig.LeasePath}}", lease-retry-interval = 200ms }
            fundingarb.cluster.lease {
              connection-string = "{{database.ConnectionString}}"
              schema = {{database.Schema}}
              heartbeat-interval = 250ms
              heartbeat-timeout = 3s
              lease-operation-timeout = 400ms
              safety-margin = 1s
            }
            """).WithFallback(ClusterConfig.Default());
}
