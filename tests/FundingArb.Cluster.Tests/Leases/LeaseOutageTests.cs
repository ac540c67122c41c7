using FundingArb.Cluster.Tests.Infrastructure;
using FundingArb.Persistence.Sql.Tests.Outage;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Cluster.Tests.Leases;

/// <summary>
/// The lease on the real clock, its PostgreSQL server stopped for real: the holder gives the lease up before the
/// database's own expiry of it, as measured on the one machine clock both share.
/// </summary>
[Collection(OneServerAtATime.Name)]
public sealed class LeaseOutageTests : AkkaTestKit
{
    [Fact]
    public async Task LostCallback_ServerStopped_FiresBeforeTheDatabaseExpiresTheLease()
    {
        await using var server = await PrivatePostgreSql.StartAsync();
        var database = LeaseDatabase.OnPrivateServer(server);
        // A second of margin: on a loaded two-core machine a timer may run late by some hundreds of milliseconds.
        var settings = database.Settings(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(1));
        var lease = LeaseFactory.Create(settings, "node-a", TimeProvider.System, Sys.Log);
        var lost = new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously);
        await lease.Acquire(_ => lost.TrySetResult(TimeProvider.System.GetUtcNow()));
        var first = (await database.RowAsync("shard-1"))!.Value.ExpiresAt;
        await AwaitAssertAsync(async () => Assert.True((await database.RowAsync("shard-1"))!.Value.ExpiresAt > first, "renewed"), TimeSpan.FromSeconds(10));

        await server.StopAsync();
        var lostAt = await lost.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await server.RestartAsync();

        var row = (await database.RowAsync("shard-1"))!.Value;
        Assert.Equal(("node-a", 1L), (row.Owner, row.Version));
        Assert.True(lostAt < row.ExpiresAt, $"given up at {lostAt:O}, the database's expiry {row.ExpiresAt:O}");
        Assert.False(lease.CheckLease());
    }
}
