using System.Globalization;
using FundingArb.Node.Configuration;

namespace FundingArb.Node.Tests.Deploy;

// hocon/cluster/: each node's conf through the node's own loader, as deploy/local-cluster.sh and compose start them.
public sealed class ClusterConfTests
{
    private const string Journal = "akka.persistence.journal.fundingarb-postgresql";
    private const string SnapshotStore = "akka.persistence.snapshot-store.fundingarb-postgresql";

    [Fact]
    public void The_cluster_is_node_ap_1_node_eu_1_and_node_ap_2_each_loading_on_loopback_with_its_name_region_ports_and_data_folder()
    {
        var nodes = ClusterConfs.Names.Select(name => (name, settings: ClusterConfs.Load(ClusterConfs.PathOf(name), ClusterConfs.LoopbackEnvironment())));

        Assert.Equal(
            ["node-ap-1 ap 127.0.0.1:5091 127.0.0.1:4061", "node-ap-2 ap 127.0.0.1:5093 127.0.0.1:4063", "node-eu-1 eu 127.0.0.1:5092 127.0.0.1:4062"],
            nodes.Select(n => string.Create(CultureInfo.InvariantCulture,
                $"{n.settings.Name} {n.settings.Cluster.Region} {n.settings.HttpHost}:{n.settings.HttpPort} {n.settings.Cluster.Hostname}:{n.settings.Cluster.Port}")));
        foreach (var (name, settings) in nodes)
        {
            Assert.Equal(Path.GetFullPath(Path.Combine("data", "cluster", name)), settings.DataDirectory);
            Assert.False(settings.OpenReads);
        }
    }

    [Fact]
    public void Every_node_joins_through_the_first_two_and_their_ports_are_the_seeds_and_no_two_ports_are_alike()
    {
        var nodes = ClusterConfs.Names.ToDictionary(name => name, name => ClusterConfs.Load(ClusterConfs.PathOf(name), ClusterConfs.LoopbackEnvironment()));

        string[] seeds = [$"akka.tcp://fundingarb@127.0.0.1:{nodes["node-ap-1"].Cluster.Port}", $"akka.tcp://fundingarb@127.0.0.1:{nodes["node-eu-1"].Cluster.Port}"];
        Assert.All(nodes.Values, settings => Assert.Equal(seeds, settings.Cluster.SeedNodes.ToArray()));
        var ports = nodes.Values.SelectMany(s => new[] { s.HttpPort, s.Cluster.Port }).ToList();
        Assert.Equal(ports.Count, ports.Distinct().Count());
        Assert.DoesNotContain(0, ports);
    }

    [Fact]
    public void Every_node_trades_the_exchange_on_7100_to_7102_through_connectors_with_alpha_and_gamma_in_ap_and_beta_in_eu_on_one_postgresql_journal()
    {
        var environment = ClusterConfs.LoopbackEnvironment();
        var exchangeNode = ClusterConfs.Load(Path.Combine(RepositoryFolder.Root, "hocon", "node-exchange.conf"), environment).Actors.Orchestrator.Strategy;
        foreach (var name in ClusterConfs.Names)
        {
            var settings = ClusterConfs.Load(ClusterConfs.PathOf(name), environment);

            Assert.Equal(
                [("alpha", NodeVenueKind.BinanceUsdm, "ap", "http://127.0.0.1:7100/", "ws://127.0.0.1:7100/"),
                 ("beta", NodeVenueKind.BybitV5, "eu", "http://127.0.0.1:7101/", "ws://127.0.0.1:7101/"),
                 ("gamma", NodeVenueKind.OkxV5, "ap", "http://127.0.0.1:7102/", "ws://127.0.0.1:7102/")],
                settings.Venues.Select(v => (v.Name, v.Kind, v.Region, v.RestUrl!.ToString(), v.WebSocketUrl!.ToString())));
            Assert.Equal(("demo", "demo-secret", "demo-pass"), (settings.Venues[2].Keys!.ApiKey, settings.Venues[2].Keys!.ApiSecret, settings.Venues[2].Keys!.Passphrase));
            Assert.Equal((Journal, SnapshotStore), (settings.Config.GetString("akka.persistence.journal.plugin"), settings.Config.GetString("akka.persistence.snapshot-store.plugin")));
            Assert.Equal(environment["FUNDINGARB_PG"], settings.Config.GetString(Journal + ".connection-string"));
            Assert.Equal(environment["FUNDINGARB_PG"], settings.Config.GetString(SnapshotStore + ".connection-string"));
            var strategy = settings.Actors.Orchestrator.Strategy;
            Assert.Equal((string.Join(',', exchangeNode.Assets), exchangeNode.SizeQuote, exchangeNode.MaxPairs, exchangeNode.Cooldown),
                (string.Join(',', strategy.Assets), strategy.SizeQuote, strategy.MaxPairs, strategy.Cooldown));
        }
    }

    [Fact]
    public void A_node_without_FUNDINGARB_PG_is_refused_naming_the_variable()
    {
        var environment = ClusterConfs.LoopbackEnvironment();
        environment.Remove("FUNDINGARB_PG");

        var failure = Assert.Throws<NodeConfigurationException>(() => ClusterConfs.Load(ClusterConfs.PathOf("node-eu-1"), environment));

        Assert.Contains("cluster.conf", failure.Message, StringComparison.Ordinal);
        Assert.Contains("no environment variable 'FUNDINGARB_PG'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_variables_move_the_same_conf_from_loopback_to_named_hosts()
    {
        var environment = ClusterConfs.LoopbackEnvironment();
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["FUNDINGARB_HOSTNAME"] = "node-eu-1", ["FUNDINGARB_HTTP_HOST"] = "0.0.0.0", ["FUNDINGARB_HTTP_READS"] = "any",
                     ["FUNDINGARB_SEED_1"] = "akka.tcp://fundingarb@node-ap-1:4061", ["FUNDINGARB_SEED_2"] = "akka.tcp://fundingarb@node-eu-1:4062",
                     ["FUNDINGARB_EXCHANGE_ALPHA"] = "exchange:7100", ["FUNDINGARB_EXCHANGE_BETA"] = "exchange:7101", ["FUNDINGARB_EXCHANGE_GAMMA"] = "exchange:7102",
                 })
        {
            environment[name] = value;
        }

        var settings = ClusterConfs.Load(ClusterConfs.PathOf("node-eu-1"), environment);

        Assert.Equal(("node-eu-1", 4062, "0.0.0.0", 5092, true), (settings.Cluster.Hostname, settings.Cluster.Port, settings.HttpHost, settings.HttpPort, settings.OpenReads));
        Assert.Equal(["akka.tcp://fundingarb@node-ap-1:4061", "akka.tcp://fundingarb@node-eu-1:4062"], settings.Cluster.SeedNodes.ToArray());
        Assert.Equal(["http://exchange:7100/ ws://exchange:7100/", "http://exchange:7101/ ws://exchange:7101/", "http://exchange:7102/ ws://exchange:7102/"],
            settings.Venues.Select(v => $"{v.RestUrl} {v.WebSocketUrl}"));
    }

    [Fact]
    public void The_variables_a_conf_reads_are_found_in_its_include_too()
    {
        Assert.Equal(
            ["EXCHANGE_API_KEY", "EXCHANGE_API_SECRET", "EXCHANGE_PASSPHRASE", "FUNDINGARB_EXCHANGE_ALPHA", "FUNDINGARB_EXCHANGE_BETA", "FUNDINGARB_EXCHANGE_GAMMA",
             "FUNDINGARB_HOSTNAME", "FUNDINGARB_HTTP_HOST", "FUNDINGARB_HTTP_READS", "FUNDINGARB_PG", "FUNDINGARB_SEED_1", "FUNDINGARB_SEED_2"],
            ClusterConfs.VariablesRead(ClusterConfs.PathOf("node-ap-2")));
    }

    [Fact]
    public void The_published_node_carries_the_cluster_confs_beside_itself()
    {
        Assert.Equal(ClusterConfs.Names.Append("cluster").Order(StringComparer.Ordinal),
            Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "hocon", "cluster"), "*.conf").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal));
    }
}
