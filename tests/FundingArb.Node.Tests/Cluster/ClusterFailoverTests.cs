using System.Diagnostics;
using System.Globalization;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Hosting;
using Xunit.Abstractions;

namespace FundingArb.Node.Tests.Cluster;

// Three nodes (regions ap, eu, ap), the exchange and PostgreSQL, each in its own process; pairs opened through the API,
// each in the direction that earns on the exchange's steady rates, run as sharded entities wherever their shard lives. A killed node's pairs must run again on the survivors
// and stay hedged, with nothing sent twice: the exchange's positions are exactly the legs the pairs report.
public sealed class ClusterFailoverTests(ITestOutputHelper output) : TestKit
{
    // From kill -9: the failure detector (3 s pause, phi past 8 a few seconds later), the resolver's stable-after (5 s),
    // the leader removing the member, the shard coordinator reallocating, and each pair replaying and reconciling with
    // the venues. docs/cluster.md has the measured figure; this bound is for a loaded two-core machine.
    private static readonly TimeSpan s_failoverBudget = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(90);

    private static readonly (string Asset, (string Venue, string Symbol) Long, (string Venue, string Symbol) Short)[] s_pairs =
    [
        ("BTC", ("alpha", "BTCUSDT"), ("beta", "BTCUSDT")),
        ("BTC", ("gamma", "BTC-USDT-SWAP"), ("beta", "BTCUSDT")),
        ("BTC", ("gamma", "BTC-USDT-SWAP"), ("alpha", "BTCUSDT")),
        ("ETH", ("alpha", "ETHUSDT"), ("beta", "ETHUSDT")),
        ("ETH", ("gamma", "ETH-USDT-SWAP"), ("beta", "ETHUSDT")),
        ("ETH", ("alpha", "ETHUSDT"), ("gamma", "ETH-USDT-SWAP")),
    ];

    [Fact]
    public async Task A_killed_nodes_pairs_run_again_on_the_survivors_hedged_with_nothing_sent_twice()
    {
        await using var cluster = await ExchangeCluster.StartAsync(3, "ap", "eu", "ap");
        await AwaitMembersUpAsync(cluster, 3);
        var ids = await OpenPairsAsync(cluster);
        var placed = await AwaitOpenAsync(cluster, 0, ids, _ => true);
        var victim = YoungestNode(cluster, placed);
        var moving = placed.Where(p => p.Value == cluster.Address(victim)).Select(p => p.Key).ToHashSet();

        cluster.Kill(victim);
        var killed = Stopwatch.StartNew();
        var moved = await AwaitOpenAsync(cluster, 0, ids, node => node != cluster.Address(victim), s_failoverBudget);
        var failover = killed.Elapsed;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 of node {victim} holding {moving.Count} of {ids.Count} pairs: all running again on survivors after {failover.TotalSeconds:F1} s"));

        Assert.All(moved.Values, node => Assert.NotEqual(cluster.Address(victim), node));
        await AssertHedgedWithNothingDoubledAsync(cluster, ids);
    }

    [Fact]
    public async Task A_node_stopped_with_SIGTERM_leaves_exits_0_and_its_pairs_are_handed_over_hedged()
    {
        await using var cluster = await ExchangeCluster.StartAsync(3, "ap", "eu", "ap");
        await AwaitMembersUpAsync(cluster, 3);
        var ids = await OpenPairsAsync(cluster);
        var placed = await AwaitOpenAsync(cluster, 0, ids, _ => true);
        var leaving = YoungestNode(cluster, placed);

        cluster.Node(leaving).Terminate();

        Assert.Equal(0, await cluster.Node(leaving).WaitForExitAsync(ExchangeCluster.StartDeadline));
        Assert.Contains("Leaving the cluster", cluster.Node(leaving).Output, StringComparison.Ordinal);
        var moved = await AwaitOpenAsync(cluster, 0, ids, node => node != cluster.Address(leaving), s_failoverBudget);
        Assert.All(moved.Values, node => Assert.NotEqual(cluster.Address(leaving), node));
        await AwaitMembersUpAsync(cluster, 2);
        await AssertHedgedWithNothingDoubledAsync(cluster, ids);
    }

    [Fact]
    public async Task A_node_frozen_past_the_failover_budget_loses_its_pairs_and_on_waking_leaves_without_trading()
    {
        await using var cluster = await ExchangeCluster.StartAsync(3, "ap", "eu", "ap");
        await AwaitMembersUpAsync(cluster, 3);
        var ids = await OpenPairsAsync(cluster);
        var placed = await AwaitOpenAsync(cluster, 0, ids, _ => true);
        var frozen = YoungestNode(cluster, placed);

        cluster.Node(frozen).Freeze();
        await AwaitOpenAsync(cluster, 0, ids, node => node != cluster.Address(frozen), s_failoverBudget);
        await AwaitMembersUpAsync(cluster, 2);
        var before = await cluster.ExchangePositionsAsync();
        cluster.Node(frozen).Resume();

        // The survivors downed it while it slept: on waking its leases are past their deadline and the cluster has
        // removed it, so it stops its shards and its actor system, and the process ends.
        await cluster.Node(frozen).WaitForExitAsync(ExchangeCluster.StartDeadline);
        Assert.Equal(before.OrderBy(p => p.Key.ToString(), StringComparer.Ordinal), (await cluster.ExchangePositionsAsync()).OrderBy(p => p.Key.ToString(), StringComparer.Ordinal));
        await AwaitMembersUpAsync(cluster, 2);
        await AssertHedgedWithNothingDoubledAsync(cluster, ids);
    }

    [Fact]
    public async Task A_killed_oldest_node_moves_its_gateways_within_their_region_and_its_singletons_to_the_oldest_survivor()
    {
        await using var cluster = await ExchangeCluster.StartAsync(3, "ap", "eu", "ap");
        await AwaitMembersUpAsync(cluster, 3);
        var ids = await OpenPairsAsync(cluster);
        await AwaitOpenAsync(cluster, 0, ids, _ => true);
        Assert.Equal([$"alpha ap {cluster.Address(0)}", $"beta eu {cluster.Address(1)}", $"gamma ap {cluster.Address(0)}"], await GatewaysAsync(cluster, 1));

        cluster.Kill(0);
        var killed = Stopwatch.StartNew();

        await AwaitAssertAsync(async () =>
            Assert.Equal([$"alpha ap {cluster.Address(2)}", $"beta eu {cluster.Address(1)}", $"gamma ap {cluster.Address(2)}"], await GatewaysAsync(cluster, 1)),
            s_failoverBudget, TimeSpan.FromMilliseconds(250));
        var moved = await AwaitOpenAsync(cluster, 1, ids, node => node != cluster.Address(0), s_failoverBudget);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 of the oldest node: gateways, orchestrator and all {moved.Count} pairs running on survivors after {killed.Elapsed.TotalSeconds:F1} s"));
        await AssertHedgedWithNothingDoubledAsync(cluster, ids, asking: 1);
    }

    private static async Task<string[]> GatewaysAsync(ExchangeCluster cluster, int asking) =>
    [
        .. (await cluster.GetAsync(asking, "/api/v1/cluster")).GetProperty("gateways").EnumerateArray()
            .Select(g => $"{g.GetProperty("venue").GetString()} {g.GetProperty("region").GetString()} {g.GetProperty("address").GetString()}")
            .Order(StringComparer.Ordinal),
    ];

    private static async Task<List<string>> OpenPairsAsync(ExchangeCluster cluster)
    {
        using var writer = OperatorPair.Writer(cluster.Node(0));
        var ids = new List<string>();
        foreach (var (asset, longLeg, shortLeg) in s_pairs)
        {
            ids.Add(await OperatorPair.CreateAsync(writer, asset, longLeg, shortLeg, 2000m));
        }

        return ids;
    }

    // The oldest node (ap) runs the orchestrator, the risk gate and region ap's gateways, node 1 region eu's: the
    // youngest, the second node of region ap, runs pairs only, so what is measured is the pairs' move and every venue
    // stays served. Sharding places new shards on the region with the fewest, so with six pairs it holds some.
    private static int YoungestNode(ExchangeCluster cluster, Dictionary<string, string> placed)
    {
        const int Youngest = 2;
        Assert.True(placed.Values.Any(node => node == cluster.Address(Youngest)), $"no pair runs on node {Youngest}: {string.Join(", ", placed)}");
        return Youngest;
    }

    /// <summary>
    /// Every pair listed and hedged, and the exchange holding exactly the legs the pairs report (in base units: the OKX
    /// connector turns contracts into base), so no order was sent twice; no survivor hit the journal's unique key.
    /// </summary>
    private static async Task AssertHedgedWithNothingDoubledAsync(ExchangeCluster cluster, List<string> ids, int asking = 0)
    {
        var executors = (await cluster.GetAsync(asking, "/api/v1/executors")).EnumerateArray().ToList();
        Assert.Equal(ids.Order(StringComparer.Ordinal), executors.Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        var legs = new Dictionary<(string, string), decimal>();
        foreach (var pair in executors)
        {
            var id = pair.GetProperty("id").GetString()!;
            var spec = s_pairs[ids.IndexOf(id)];
            var bought = pair.GetProperty("long_quantity").GetDecimal();
            var sold = pair.GetProperty("short_quantity").GetDecimal();
            Assert.True(bought > 0m && bought == -sold, $"{id} is not hedged: long {bought}, short {sold}");
            legs[spec.Long] = legs.GetValueOrDefault(spec.Long) + bought;
            legs[spec.Short] = legs.GetValueOrDefault(spec.Short) + sold;
        }

        var held = await cluster.ExchangePositionsAsync();
        Assert.Equal(legs.Where(l => l.Value != 0m).OrderBy(l => l.Key.ToString(), StringComparer.Ordinal).Select(l => $"{l.Key} {l.Value}"),
            held.Where(h => h.Value != 0m).OrderBy(h => h.Key.ToString(), StringComparer.Ordinal).Select(h => $"{h.Key} {h.Value}"));
        foreach (var survivor in cluster.Running)
        {
            var log = cluster.Node(survivor).Output;
            Assert.DoesNotContain("duplicate key", log, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("DuplicateClientOrderId", log, StringComparison.Ordinal);
        }
    }

    private Task AwaitMembersUpAsync(ExchangeCluster cluster, int count) => AwaitAssertAsync(async () =>
    {
        var members = (await cluster.GetAsync(0, "/api/v1/cluster")).GetProperty("members").EnumerateArray()
            .Count(m => m.GetProperty("status").GetString() == "Up");
        Assert.Equal(count, members);
    }, ExchangeCluster.StartDeadline, TimeSpan.FromMilliseconds(250));

    /// <summary>Waits until every pair is Open on a node that satisfies where, asking the given node; returns each pair's node.</summary>
    private async Task<Dictionary<string, string>> AwaitOpenAsync(ExchangeCluster cluster, int asking, List<string> ids, Func<string, bool> where,
        TimeSpan? within = null)
    {
        var found = new Dictionary<string, string>();
        await AwaitAssertAsync(async () =>
        {
            var executors = (await cluster.GetAsync(asking, "/api/v1/executors")).EnumerateArray()
                .Select(e => (Id: e.GetProperty("id").GetString()!, Phase: e.GetProperty("phase").GetString()!, Node: e.GetProperty("node").GetString()!,
                    Reason: e.GetProperty("close_reason").GetString()))
                .ToList();
            var ready = executors.Where(e => ids.Contains(e.Id) && e.Phase == "Open" && where(e.Node)).ToList();
            Assert.True(ready.Count == ids.Count, string.Join("; ", executors.Select(e => $"{e.Id} {e.Phase} {e.Node} {e.Reason}")));
            found = ready.ToDictionary(e => e.Id, e => e.Node);
        }, within ?? s_trading, TimeSpan.FromMilliseconds(250));
        return found;
    }
}
