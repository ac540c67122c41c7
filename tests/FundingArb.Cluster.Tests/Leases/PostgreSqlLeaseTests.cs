using Akka.Coordination;
using Akka.Event;
using FundingArb.Cluster.Leases;
using FundingArb.Cluster.Tests.Infrastructure;
using FundingArb.Persistence.Sql.Tests.Outage;
using FundingArb.Venues.Simulation;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Cluster.Tests.Leases;

/// <summary>
/// The lease's heartbeat and watchdog on a virtual clock against the real PostgreSQL: it keeps a term it renews, gives
/// it up before the database could, and at once when the database says another owner took it.
/// </summary>
[Collection(OneServerAtATime.Name)]
public sealed class PostgreSqlLeaseTests : AkkaTestKit, IAsyncLifetime
{
    private static readonly TimeSpan s_await = TimeSpan.FromSeconds(10);

    private readonly LeaseDatabase _database = new();
    private readonly VirtualClock _clock = new();
    private readonly TaskCompletionSource<Exception> _lost = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await _database.DropAsync();

    [Fact]
    public async Task Acquire_FreeLease_HoldsItWithFencingVersionOne()
    {
        var lease = Lease(_database.Settings(), "node-a");

        var acquired = await lease.Acquire(OnLost);

        Assert.True(acquired);
        Assert.True(lease.CheckLease());
        Assert.Equal(1, lease.FencingVersion);
        Assert.Equal("node-a", (await _database.RowAsync("shard-1"))?.Owner);
    }

    [Fact]
    public async Task Acquire_HeldByAnotherOwner_ReturnsFalseAndHoldsNothing()
    {
        await Lease(_database.Settings(), "node-a").Acquire();
        var other = Lease(_database.Settings(), "node-b");

        var acquired = await other.Acquire(OnLost);

        Assert.False(acquired);
        Assert.False(other.CheckLease());
        Assert.Null(other.FencingVersion);
    }

    [Fact]
    public async Task Acquire_DatabaseUnreachable_FaultsWithLeaseException()
    {
        var closed = new LeaseDatabase("Host=127.0.0.1;Port=1;Username=postgres;Database=postgres;Timeout=2");
        var lease = Lease(closed.Settings(), "node-a");

        var error = await Assert.ThrowsAnyAsync<LeaseException>(() => lease.Acquire(OnLost));

        Assert.Contains("acquire failed", error.Message, StringComparison.Ordinal);
        Assert.False(lease.CheckLease());
    }

    [Fact]
    public async Task Heartbeat_RenewsEveryInterval_KeepsLeaseFarBeyondItsTtl()
    {
        var settings = Timings(_database);
        var lease = Lease(settings, "node-a");
        await lease.Acquire(OnLost);

        // 20 heartbeats: over three TTLs of virtual time, each renewal awaited in the database before the next.
        for (var beat = 0; beat < 20; beat++)
        {
            var before = (await _database.RowAsync("shard-1"))!.Value.ExpiresAt;
            await AwaitHeartbeatWaitingAsync(settings);
            _clock.Advance(settings.HeartbeatInterval);
            await AwaitAssertAsync(async () => Assert.True((await _database.RowAsync("shard-1"))!.Value.ExpiresAt > before, $"beat {beat} renewed"), s_await);
        }

        Assert.True(lease.CheckLease());
        Assert.Equal(1, lease.FencingVersion);
        Assert.False(_lost.Task.IsCompleted);
    }

    [Fact]
    public async Task Watchdog_DatabaseStopped_CallsLostCallbackAtTheDeadlineBeforeExpiry()
    {
        await using var server = await PrivatePostgreSql.StartAsync();
        var database = LeaseDatabase.OnPrivateServer(server);
        var settings = Timings(database);
        var warnings = CreateTestProbe();
        Sys.EventStream.Subscribe(warnings.Ref, typeof(Warning));
        var lease = Lease(settings, "node-a");
        var acquiredAt = _clock.GetUtcNow();
        await lease.Acquire(OnLost);
        await server.StopAsync();

        // Heartbeats run into the stopped server until just before the deadline; none may give the lease up yet.
        _clock.Advance(settings.HeartbeatInterval);
        await warnings.FishForMessageAsync<Warning>(w => w.Message.ToString()!.Contains("Renewing lease", StringComparison.Ordinal), s_await);
        _clock.AdvanceTo(acquiredAt + settings.HeldFor - TimeSpan.FromTicks(1));
        Assert.False(_lost.Task.IsCompleted, "the lease was given up before its deadline");
        Assert.True(lease.CheckLease());
        _clock.Advance(TimeSpan.FromTicks(1));

        // The watchdog fires on the clock's own thread, inside Advance: the callback has run by now.
        Assert.True(_lost.Task.IsCompleted, "the lease was given up at its deadline");
        Assert.IsType<LeaseTimeoutException>(await _lost.Task);
        Assert.False(lease.CheckLease());
        Assert.Null(lease.FencingVersion);
        Assert.True(_clock.GetUtcNow() - acquiredAt <= settings.HeartbeatTimeout - settings.SafetyMargin);
    }

    [Fact]
    public async Task Heartbeat_TakenOverAfterLapse_CallsLostCallbackAtOnce()
    {
        var settings = _database.Settings(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300));
        var lease = Lease(settings, "node-a");
        await lease.Acquire(OnLost);
        // The virtual clock stands still, so node-a never renews and the database lets the lease lapse on its own clock.
        var store = new PostgreSqlLeaseStore(settings);
        LeaseGrant? taken = null;
        await AwaitAssertAsync(async () => Assert.NotNull(taken = await store.TryAcquireAsync("shard-1", "node-b", TimeSpan.FromMinutes(1), CancellationToken.None)), s_await);

        _clock.Advance(settings.HeartbeatInterval);

        var reason = await _lost.Task.WaitAsync(s_await);
        Assert.IsNotType<LeaseTimeoutException>(reason);
        Assert.Contains("no longer holds term 1", reason.Message, StringComparison.Ordinal);
        Assert.False(lease.CheckLease());
        Assert.Equal(2, taken!.Value.Version);
        Assert.True(_clock.GetUtcNow() - VirtualClock.DefaultStart < settings.HeldFor, "lost on the refused renewal, not by the watchdog");
    }

    [Fact]
    public async Task Acquire_AgainAfterATakeover_ReturnsFalseAndCallsTheLostCallback()
    {
        var settings = _database.Settings(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(300));
        var lease = Lease(settings, "node-a");
        await lease.Acquire(OnLost);
        var store = new PostgreSqlLeaseStore(settings);
        await AwaitAssertAsync(async () => Assert.NotNull(await store.TryAcquireAsync("shard-1", "node-b", TimeSpan.FromMinutes(1), CancellationToken.None)), s_await);

        var again = await lease.Acquire(_ => { });

        Assert.False(again);
        Assert.Contains("another owner holds it", (await _lost.Task.WaitAsync(s_await)).Message, StringComparison.Ordinal);
        Assert.False(lease.CheckLease());
    }

    [Fact]
    public async Task Release_HeldLease_FreesRowStopsHeartbeatAndCallsNoCallback()
    {
        var settings = Timings(_database);
        var lease = Lease(settings, "node-a");
        await lease.Acquire(OnLost);

        var released = await lease.Release();

        Assert.True(released);
        Assert.Null((await _database.RowAsync("shard-1"))?.Owner);
        Assert.Equal(0, _clock.PendingTimers);
        _clock.Advance(settings.HeartbeatTimeout * 3);
        Assert.False(_lost.Task.IsCompleted);
        Assert.False(lease.CheckLease());
        Assert.False(await lease.Release());
    }

    [Fact]
    public async Task Acquire_AfterRelease_StartsTheNextTerm()
    {
        var lease = Lease(_database.Settings(), "node-a");
        await lease.Acquire(OnLost);
        await lease.Release();

        var again = await lease.Acquire(OnLost);

        Assert.True(again);
        Assert.Equal(2, lease.FencingVersion);
    }

    // Shipped LAN timings, with an operation timeout shorter than the interval so that a renewal in flight (its timeout
    // pending) and a heartbeat waiting for its next beat can be told apart on the virtual clock.
    private static PostgreSqlLeaseSettings Timings(LeaseDatabase database) => database.Settings(operationTimeout: TimeSpan.FromMilliseconds(800));

    private PostgreSqlLease Lease(PostgreSqlLeaseSettings settings, string owner) =>
        LeaseFactory.Create(settings, owner, _clock, Logging.GetLogger(Sys, typeof(PostgreSqlLease)));

    private void OnLost(Exception reason) => _lost.TrySetResult(reason);

    // The heartbeat waits for its next beat when the earliest timer is that beat: the renewal's timeout timer is gone.
    private Task AwaitHeartbeatWaitingAsync(PostgreSqlLeaseSettings settings) =>
        AwaitAssertAsync(() => Assert.Equal(_clock.GetUtcNow() + settings.HeartbeatInterval, _clock.NextDueAt), s_await);
}
