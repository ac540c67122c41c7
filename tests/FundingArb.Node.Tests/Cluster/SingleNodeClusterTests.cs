using System.Net.Http.Json;
using System.Text.Json;
using Akka.Cluster;
using Akka.Cluster.SBR;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Placement;
using FundingArb.Cluster.Placement;
using FundingArb.Node.Tests.Hosting;

namespace FundingArb.Node.Tests.Cluster;

// One node is a one-member cluster: its own seed, its own leader, the same actors as in a cluster.
public sealed class SingleNodeClusterTests : TestKit
{
    private static readonly Dictionary<string, string> s_region = new() { ["CONFIG_FORCE_fundingarb_cluster_region"] = "ap" };

    [Fact]
    public async Task A_single_node_is_Up_as_the_leader_of_a_one_member_cluster_with_its_region_role()
    {
        await using var node = await RunningNode.StartInProcessAsync(overrides: s_region);
        using var http = node.CreateClient();

        var cluster = await http.GetFromJsonAsync<JsonElement>("/api/v1/cluster");

        var self = Akka.Cluster.Cluster.Get(node.Runtime.System).SelfMember;
        Assert.Equal(MemberStatus.Up, self.Status);
        Assert.Contains("region-ap", self.Roles);
        var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
        Assert.Equal(node.Runtime.Address, member.GetProperty("address").GetString());
        Assert.Equal("ap", member.GetProperty("region").GetString());
        Assert.Equal("Up", member.GetProperty("status").GetString());
        Assert.True(member.GetProperty("reachable").GetBoolean());
        Assert.Equal(["region-ap"], member.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(node.Runtime.Address, cluster.GetProperty("leader").GetString());
        Assert.StartsWith("akka.tcp://fundingarb@127.0.0.1:", node.Runtime.Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_cluster_view_lists_the_nodes_venues_pairs_and_its_own_join()
    {
        await using var node = await RunningNode.StartInProcessAsync(overrides: s_region);
        using var http = node.CreateClient();

        var cluster = await http.GetFromJsonAsync<JsonElement>("/api/v1/cluster");

        var address = node.Runtime.Address;
        Assert.Equal(["alpha ap", "beta ap", "gamma ap"], cluster.GetProperty("gateways").EnumerateArray()
            .Select(g => $"{g.GetProperty("venue").GetString()} {g.GetProperty("region").GetString()}"));
        Assert.All(cluster.GetProperty("gateways").EnumerateArray(), g => Assert.Equal(address, g.GetProperty("address").GetString()));
        // No pair runs yet, so no shard holds one.
        Assert.Empty(cluster.GetProperty("shards").EnumerateArray());
        Assert.Empty(cluster.GetProperty("leases").EnumerateArray());
        Assert.Contains(cluster.GetProperty("events").EnumerateArray(),
            e => e.GetProperty("type").GetString() == "MemberUp" && e.GetProperty("address").GetString() == address);
    }

    [Fact]
    public async Task Every_executor_names_the_node_it_runs_on()
    {
        await using var node = await RunningNode.StartInProcessAsync(overrides: s_region);
        using var http = node.CreateClient(authorized: true);
        var created = await http.PostAsJsonAsync("/api/v1/executors", new
        {
            asset = "ETH", long_venue = "alpha", long_symbol = "ETHUSDT", short_venue = "beta", short_symbol = "ETHUSDT", quote = "USDT", size_quote = 1000m,
        });
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString();

        // The executor is listed once it has started and reported.
        await AwaitAssertAsync(async () =>
        {
            var executors = await http.GetFromJsonAsync<JsonElement>("/api/v1/executors");
            var cluster = await http.GetFromJsonAsync<JsonElement>("/api/v1/cluster");

            Assert.All(executors.EnumerateArray(), e => Assert.Equal(node.Runtime.Address, e.GetProperty("node").GetString()));
            Assert.Contains(executors.EnumerateArray(), e => e.GetProperty("id").GetString() == id);
            var shard = Assert.Single(cluster.GetProperty("shards").EnumerateArray());
            Assert.Equal((node.Runtime.Placement.Extractor.ShardId(id!), node.Runtime.Address), (shard.GetProperty("id").GetString(), shard.GetProperty("address").GetString()));
            Assert.Contains(id, shard.GetProperty("pairs").EnumerateArray().Select(p => p.GetString()));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));

        // A sharded entity: the pair's host lives under its shard in the region, the executor below it.
        var path = $"/system/sharding/{ClusterNodePlacement.TypeName}/{node.Runtime.Placement.Extractor.ShardId(id!)}/{id}/{PairHost.ExecutorName}";
        await node.Runtime.System.ActorSelection(path).ResolveOne(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_actor_system_runs_the_keep_majority_resolver_and_the_failure_detector_as_fundingarb_cluster_sets_them()
    {
        await using var node = await RunningNode.StartInProcessAsync(overrides: new Dictionary<string, string>
        {
            ["CONFIG_FORCE_fundingarb_cluster_split__brain__resolver_stable__after"] = "7s",
            ["CONFIG_FORCE_fundingarb_cluster_split__brain__resolver_down__all__when__unstable"] = "off",
            ["CONFIG_FORCE_fundingarb_cluster_failure__detector_acceptable__heartbeat__pause"] = "4s",
            ["CONFIG_FORCE_fundingarb_cluster_failure__detector_threshold"] = "10",
        });

        var config = node.Runtime.System.Settings.Config;
        var settings = Akka.Cluster.Cluster.Get(node.Runtime.System).Settings;

        var resolver = new SplitBrainResolverSettings(config);
        Assert.Equal(typeof(SplitBrainResolverProvider), settings.DowningProviderType);
        Assert.Equal(SplitBrainResolverSettings.KeepMajorityName, resolver.DowningStrategy);
        Assert.Equal(TimeSpan.FromSeconds(7), resolver.DowningStableAfter);
        Assert.Equal(TimeSpan.Zero, resolver.DownAllWhenUnstable);
        Assert.Equal(TimeSpan.FromSeconds(4), settings.FailureDetectorConfig.GetTimeSpan("acceptable-heartbeat-pause"));
        Assert.Equal(10.0, settings.FailureDetectorConfig.GetDouble("threshold"));
    }

    // What may cross to another node goes through our serializer under its manifest, and a type with no binding is an
    // error rather than Newtonsoft JSON naming its CLR type.
    [Fact]
    public async Task The_actor_system_sends_actor_messages_through_the_cluster_serializer_and_refuses_unbound_types()
    {
        await using var node = await RunningNode.StartInProcessAsync();
        var serialization = node.Runtime.System.Serialization;

        var serializer = serialization.FindSerializerFor(FundingArb.Actors.Orchestration.GetExecutors.Instance);

        Assert.IsType<FundingArb.Actors.Wire.ClusterMessageSerializer>(serializer);
        Assert.Equal("get-executors.v1", Akka.Serialization.Serialization.ManifestFor(serializer, FundingArb.Actors.Orchestration.GetExecutors.Instance));
        var refused = Assert.Throws<System.Runtime.Serialization.SerializationException>(() => serialization.FindSerializerForType(typeof(UnboundMessage)));
        Assert.Contains(nameof(UnboundMessage), refused.Message, StringComparison.Ordinal);
    }

    private sealed record UnboundMessage(string Text);
}
