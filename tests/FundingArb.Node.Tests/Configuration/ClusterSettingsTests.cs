using System.Collections;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Tests.Configuration;

public sealed class ClusterSettingsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-cluster-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void By_default_a_node_is_its_own_seed_in_region_local_on_a_free_loopback_port_with_keep_majority_tuned_for_a_lan()
    {
        var cluster = Load(NodeConfigLoader.FindDefaultFile()).Cluster;

        Assert.Equal(("local", "127.0.0.1", 0), (cluster.Region, cluster.Hostname, cluster.Port));
        Assert.Empty(cluster.SeedNodes);
        Assert.Equal(["region-local"], cluster.AkkaRoles.ToArray());
        Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1)), (cluster.StableAfter, cluster.DownRemovalMargin));
        Assert.Equal(TimeSpan.FromSeconds(4), cluster.DownAllWhenUnstable);
        Assert.Equal((TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), 8.0), (cluster.HeartbeatInterval, cluster.AcceptableHeartbeatPause, cluster.FailureThreshold));
        Assert.Equal(30, cluster.Shards);
    }

    [Fact]
    public void Region_roles_and_seed_nodes_are_read()
    {
        var file = Conf("""
            fundingarb.cluster {
              region = eu-west
              roles = [gateway]
              port = 4053
              seed-nodes = ["akka.tcp://fundingarb@10.0.0.1:4053", "akka.tcp://fundingarb@10.0.0.2:4053"]
              split-brain-resolver { stable-after = 7s, down-all-when-unstable = off }
            }
            """);

        var cluster = Load(file).Cluster;

        Assert.Equal(["region-eu-west", "gateway"], cluster.AkkaRoles.ToArray());
        Assert.Equal(["akka.tcp://fundingarb@10.0.0.1:4053", "akka.tcp://fundingarb@10.0.0.2:4053"], cluster.SeedNodes.ToArray());
        Assert.Equal((TimeSpan.FromSeconds(7), (TimeSpan?)null), (cluster.StableAfter, cluster.DownAllWhenUnstable));
    }

    [Theory]
    [InlineData("fundingarb.cluster.region = \"EU West\"", "fundingarb.cluster.region", "'EU West'")]
    [InlineData("fundingarb.cluster.roles = [region-ap]", "fundingarb.cluster.roles", "'region-ap'")]
    [InlineData("fundingarb.cluster.seed-nodes = [\"10.0.0.1:4053\"]", "fundingarb.cluster.seed-nodes", "'10.0.0.1:4053'")]
    [InlineData("fundingarb.cluster.seed-nodes = [\"akka.tcp://other@10.0.0.1:4053\"]", "fundingarb.cluster.seed-nodes", "'akka.tcp://other@10.0.0.1:4053'")]
    [InlineData("fundingarb.cluster.seed-nodes = [\"akka.tcp://fundingarb@10.0.0.1\"]", "fundingarb.cluster.seed-nodes", "'akka.tcp://fundingarb@10.0.0.1'")]
    [InlineData("fundingarb.cluster.port = 70000", "fundingarb.cluster.port", "70000")]
    [InlineData("fundingarb.cluster.split-brain-resolver.stable-after = 0s", "fundingarb.cluster.split-brain-resolver.stable-after", "00:00:00")]
    [InlineData("fundingarb.venues.alpha { kind = simulated, region = \"Tokyo!\" }", "fundingarb.venues.alpha.region", "'Tokyo!'")]
    public void A_bad_cluster_value_is_refused_naming_the_key_and_the_value(string line, string key, string value)
    {
        var file = Conf(line);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:", failure.Message, StringComparison.Ordinal);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.Contains(value, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_region_from_the_environment_is_refused_naming_the_key_and_the_value()
    {
        var failure = Assert.Throws<NodeConfigurationException>(() => NodeConfigLoader.Load(
            NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, new Hashtable { ["CONFIG_FORCE_fundingarb_cluster_region"] = "ap_1" }));

        Assert.Contains("fundingarb.cluster.region", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'ap_1'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_venue_is_in_its_own_region_else_its_simulation_entrys_else_the_nodes()
    {
        var text = File.ReadAllText(NodeConfigLoader.FindDefaultFile()).Replace("name = beta", "name = beta\n          region = us", StringComparison.Ordinal);
        var file = Conf(text + """

            fundingarb.cluster.region = ap
            fundingarb.venues.gamma { kind = simulated, region = eu }
            """, include: false);

        var venues = Load(file).Venues;

        Assert.Equal(["alpha ap", "beta us", "gamma eu"], venues.Select(v => $"{v.Name} {v.Region}"));
    }

    [Fact]
    public void A_simulation_venue_with_a_bad_region_is_refused_naming_the_value()
    {
        var text = File.ReadAllText(NodeConfigLoader.FindDefaultFile()).Replace("name = beta", "name = beta\n          region = \"U S\"", StringComparison.Ordinal);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(Conf(text, include: false)));

        Assert.Contains("region", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'U S'", failure.Message, StringComparison.Ordinal);
    }

    private static NodeSettings Load(string file) => NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = file }, new Hashtable());

    // The demo configuration (included) with the lines given after it.
    private string Conf(string text, bool include = true)
    {
        if (include)
        {
            File.WriteAllText(Path.Combine(_folder, "defaults.conf"), File.ReadAllText(NodeConfigLoader.FindDefaultFile()));
            text = "include \"defaults.conf\"\n" + text;
        }

        var file = Path.Combine(_folder, "node.conf");
        File.WriteAllText(file, text);
        return file;
    }
}
