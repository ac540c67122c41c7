using FundingArb.Cluster.Leases;
using FundingArb.Cluster.Tests.Infrastructure;

namespace FundingArb.Cluster.Tests.Leases;

/// <summary>The lease table's statements against the real PostgreSQL: one owner at a time, expiry on the database's clock, fencing by version.</summary>
public sealed class PostgreSqlLeaseStoreTests : IAsyncLifetime
{
    private static readonly TimeSpan s_long = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_short = TimeSpan.FromMilliseconds(300);

    private readonly LeaseDatabase _database = new();
    private PostgreSqlLeaseStore _store = null!;

    public Task InitializeAsync()
    {
        _store = _database.Store();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DropAsync();

    [Fact]
    public async Task TryAcquire_NewLease_CreatesTableAndGrantsVersionOne()
    {
        var grant = await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        Assert.Equal(1, grant?.Version);
        var row = await _database.RowAsync("shard-1");
        Assert.Equal("node-a", row?.Owner);
        Assert.Equal(grant?.ExpiresAt, row?.ExpiresAt);
        Assert.InRange(row!.Value.ExpiresAt - row.Value.DatabaseNow, s_long - TimeSpan.FromSeconds(5), s_long);
    }

    [Fact]
    public async Task TryAcquire_HeldByAnotherOwner_ReturnsNullAndLeavesRow()
    {
        await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        var grant = await _store.TryAcquireAsync("shard-1", "node-b", s_long, CancellationToken.None);

        Assert.Null(grant);
        Assert.Equal(("node-a", 1L), (await _database.RowAsync("shard-1")) is { } row ? (row.Owner, row.Version) : default);
    }

    [Fact]
    public async Task TryAcquire_OwnLeaseAgain_StartsNewTermWithHigherVersion()
    {
        await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        var again = await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        Assert.Equal(2, again?.Version);
    }

    [Fact]
    public async Task TryAcquire_OwnersRacingForEachLease_ExactlyOneWinsEveryTime()
    {
        const int Rounds = 200;
        const int Owners = 4;
        var stores = Enumerable.Range(0, Owners).Select(_ => _database.Store()).ToArray();
        await stores[0].ListAsync(CancellationToken.None);

        for (var round = 0; round < Rounds; round++)
        {
            var name = $"race-{round}";
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, Owners).Select(o => Task.Run(async () =>
            {
                start.Wait(TimeSpan.FromSeconds(10));
                return (Owner: $"node-{o}", Grant: await stores[o].TryAcquireAsync(name, $"node-{o}", s_long, CancellationToken.None));
            })).ToArray();
            start.Set();
            var results = await Task.WhenAll(attempts).WaitAsync(TimeSpan.FromSeconds(30));

            var winners = results.Where(r => r.Grant is not null).ToArray();
            Assert.True(winners.Length == 1, $"round {round}: {winners.Length} owners won {name}");
            var row = await _database.RowAsync(name);
            Assert.Equal((winners[0].Owner, 1L), (row?.Owner, row?.Version ?? 0));
        }
    }

    [Fact]
    public async Task TryAcquire_AfterExpiry_AnotherOwnerTakesItWithHigherVersion()
    {
        await _store.TryAcquireAsync("shard-1", "node-a", s_short, CancellationToken.None);

        var taken = await AcquireOnceLapsedAsync("shard-1", "node-b");

        Assert.Equal(2, taken.Version);
        Assert.Equal("node-b", (await _database.RowAsync("shard-1"))?.Owner);
    }

    [Fact]
    public async Task Renew_AfterTakeover_FailsForTheStaleHolder()
    {
        var stale = await _store.TryAcquireAsync("shard-1", "node-a", s_short, CancellationToken.None);
        var taken = await AcquireOnceLapsedAsync("shard-1", "node-b");

        var renewed = await _store.RenewAsync("shard-1", "node-a", stale!.Value.Version, s_long, CancellationToken.None);

        Assert.Null(renewed);
        Assert.Equal(taken.Version, (await _store.RenewAsync("shard-1", "node-b", taken.Version, s_long, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task Renew_SameOwnerWithAnEarlierVersion_Fails()
    {
        var first = await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);
        await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        var renewed = await _store.RenewAsync("shard-1", "node-a", first!.Value.Version, s_long, CancellationToken.None);

        Assert.Null(renewed);
    }

    [Fact]
    public async Task Renew_CurrentTerm_MovesExpiryForwardAndKeepsVersion()
    {
        var grant = await _store.TryAcquireAsync("shard-1", "node-a", TimeSpan.FromMinutes(1), CancellationToken.None);

        var renewed = await _store.RenewAsync("shard-1", "node-a", grant!.Value.Version, s_long, CancellationToken.None);

        Assert.Equal(grant.Value.Version, renewed?.Version);
        Assert.True(renewed!.Value.ExpiresAt > grant.Value.ExpiresAt + TimeSpan.FromMinutes(3), $"{renewed.Value.ExpiresAt:O} after {grant.Value.ExpiresAt:O}");
    }

    [Fact]
    public async Task Renew_LapsedTerm_FailsEvenWithoutTakeover()
    {
        var grant = await _store.TryAcquireAsync("shard-1", "node-a", s_short, CancellationToken.None);
        await AwaitLapsedAsync("shard-1");

        var renewed = await _store.RenewAsync("shard-1", "node-a", grant!.Value.Version, s_long, CancellationToken.None);

        Assert.Null(renewed);
    }

    [Fact]
    public async Task Release_ByNonOwner_DoesNothing()
    {
        var grant = await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        var released = await _store.ReleaseAsync("shard-1", "node-b", grant!.Value.Version, CancellationToken.None);

        Assert.False(released);
        Assert.Equal("node-a", (await _database.RowAsync("shard-1"))?.Owner);
        Assert.Null(await _store.TryAcquireAsync("shard-1", "node-b", s_long, CancellationToken.None));
    }

    [Fact]
    public async Task Release_ByOwner_FreesLeaseForTheNextOwnerAtOnce()
    {
        var grant = await _store.TryAcquireAsync("shard-1", "node-a", s_long, CancellationToken.None);

        var released = await _store.ReleaseAsync("shard-1", "node-a", grant!.Value.Version, CancellationToken.None);

        Assert.True(released);
        Assert.Null((await _database.RowAsync("shard-1"))?.Owner);
        Assert.Equal(2, (await _store.TryAcquireAsync("shard-1", "node-b", s_long, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task List_MixedLeases_ReturnsOnlyHeldUnexpiredOnesByName()
    {
        await _store.TryAcquireAsync("shard-b", "node-b", s_long, CancellationToken.None);
        await _store.TryAcquireAsync("shard-a", "node-a", s_long, CancellationToken.None);
        var released = await _store.TryAcquireAsync("shard-c", "node-a", s_long, CancellationToken.None);
        await _store.ReleaseAsync("shard-c", "node-a", released!.Value.Version, CancellationToken.None);
        await _store.TryAcquireAsync("shard-d", "node-a", s_short, CancellationToken.None);
        await AwaitLapsedAsync("shard-d");

        var leases = await _store.ListAsync(CancellationToken.None);

        Assert.Equal([("shard-a", "node-a", 1L), ("shard-b", "node-b", 1L)], leases.Select(l => (l.Name, l.Owner, l.Version)));
        Assert.All(leases, l => Assert.True(l.ExpiresAt > TimeProvider.System.GetUtcNow() + TimeSpan.FromMinutes(4), $"{l.Name} expires at {l.ExpiresAt:O}"));
    }

    [Fact]
    public async Task List_NoLeaseYet_IsEmpty()
    {
        var leases = await _store.ListAsync(CancellationToken.None);

        Assert.Empty(leases);
    }

    // The database's clock decides expiry, so the test polls it rather than waiting for a time of its own.
    private async Task<LeaseGrant> AcquireOnceLapsedAsync(string name, string owner)
    {
        LeaseGrant? grant = null;
        await AwaitAsync(async () => (grant = await _store.TryAcquireAsync(name, owner, s_long, CancellationToken.None)) is not null);
        return grant!.Value;
    }

    private Task AwaitLapsedAsync(string name) =>
        AwaitAsync(async () => await _database.RowAsync(name) is { } row && row.ExpiresAt <= row.DatabaseNow);

    private static async Task AwaitAsync(Func<Task<bool>> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(10), "the condition held within 10 s");
            await Task.Yield();
        }
    }
}
