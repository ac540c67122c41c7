using System.Collections;
using System.Net;
using FundingArb.Exchange;
using FundingArb.Node.Configuration;
using FundingArb.Node.Exchange;
using Npgsql;

namespace FundingArb.Node.Tests.Deploy;

// The nodes of a compose file must be the nodes of hocon/cluster/ as the image runs them: each service's conf, loaded
// by the node's own loader with the service's environment, must name the service, publish and expose the ports the
// service does, join through seeds that are services of the file on their Akka ports, reach the exchange service on
// the ports it serves each venue on, and keep its journal in the postgres service.

/// Every way a compose file disagrees with the confs it runs; empty when it agrees.
internal static class ComposeCheck
{
    private const string PostgresImage = "postgres:";
    private const int PostgresPort = 5432;
    private const string RegionLabel = "fundingarb.region";
    private const string JournalPlugin = "akka.persistence.journal.fundingarb-postgresql";

    public static IReadOnlyList<string> Problems(ComposeFile compose, string root)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var problems = new List<string>(compose.Problems);
        var image = DockerImage.Parse(File.ReadAllText(Path.Combine(root, "deploy", "Dockerfile")));
        var postgres = compose.Services.Values.Where(s => s.Image?.StartsWith(PostgresImage, StringComparison.Ordinal) == true).ToList();
        var exchange = compose.Services.Values.Where(s => s.Command.FirstOrDefault() == "exchange").ToList();
        var nodes = compose.Services.Values.Where(s => s.Option("--config")?.Contains("/hocon/cluster/", StringComparison.Ordinal) == true)
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        if (postgres.Count != 1 || exchange.Count != 1)
        {
            problems.Add($"expected one {PostgresImage}* service and one exchange service, found {postgres.Count} and {exchange.Count}");
            return problems;
        }

        foreach (var service in compose.Services.Values.Where(s => s.Image?.StartsWith(PostgresImage, StringComparison.Ordinal) != true))
        {
            if (service.Dockerfile is not { } dockerfile || !File.Exists(Path.Combine(root, dockerfile)))
            {
                problems.Add($"service {service.Name}: builds from '{service.Dockerfile}', which is not a file of the clone");
            }
        }

        var served = ExchangePorts(exchange[0], image, root, problems);
        var missing = ClusterConfs.Names.Except(nodes.Select(n => n.Name)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"no service runs {string.Join(", ", missing)} of hocon/cluster/");
        }

        var loaded = new Dictionary<string, NodeSettings>(StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            try
            {
                loaded[node.Name] = ClusterConfs.Load(LocalPath(node.Option("--config")!, image, root), EnvironmentOf(node));
            }
            catch (Exception failure) when (failure is NodeConfigurationException or FileNotFoundException)
            {
                problems.Add($"service {node.Name}: its conf does not load with its environment: {failure.Message}");
            }
        }

        foreach (var node in nodes.Where(n => loaded.ContainsKey(n.Name)))
        {
            CheckNode(node, loaded[node.Name], loaded, served, exchange[0], postgres[0], image, root, problems);
        }

        var published = compose.Services.Values.SelectMany(s => s.Ports.Select(p => (s.Name, p.Host))).GroupBy(p => p.Host).Where(g => g.Count() > 1);
        problems.AddRange(published.Select(g => $"host port {g.Key} is published by {string.Join(" and ", g.Select(p => p.Name).Order(StringComparer.Ordinal))}"));
        return problems;
    }

    private static void CheckNode(ComposeService node, NodeSettings settings, Dictionary<string, NodeSettings> nodes, Dictionary<int, string> served,
        ComposeService exchange, ComposeService postgres, DockerImage image, string root, List<string> problems)
    {
        void Problem(string text) => problems.Add($"service {node.Name}: {text}");

        if (settings.Name != node.Name || settings.Cluster.Hostname != node.Name)
        {
            Problem($"runs node {settings.Name} at hostname {settings.Cluster.Hostname}; the other members reach it as {node.Name}");
        }

        if (!node.Labels.TryGetValue(RegionLabel, out var region) || region != settings.Cluster.Region)
        {
            Problem($"label {RegionLabel} is '{region}', its conf's region is {settings.Cluster.Region}");
        }

        if (settings.HttpHost != IPAddress.Any.ToString() || node.Ports.All(p => p.Container != settings.HttpPort))
        {
            Problem($"its dashboard listens on {settings.HttpHost}:{settings.HttpPort}, the service publishes {string.Join(", ", node.Ports.Select(p => p.Container))}");
        }

        if (!node.Expose.Contains(settings.Cluster.Port) && node.Ports.All(p => p.Container != settings.Cluster.Port))
        {
            Problem($"Akka.Remote listens on {settings.Cluster.Port}, which the service neither exposes nor publishes");
        }

        foreach (var seed in settings.Cluster.SeedNodes.Select(s => Akka.Actor.Address.Parse(s)))
        {
            if (!nodes.TryGetValue(seed.Host!, out var seedNode) || seedNode.Cluster.Port != seed.Port)
            {
                Problem($"seed node {seed} is not a node service on its Akka port");
            }
        }

        foreach (var venue in settings.Venues.Where(v => v.RestUrl is not null))
        {
            foreach (var url in new[] { venue.RestUrl!, venue.WebSocketUrl! })
            {
                if (url.Host != exchange.Name || !served.TryGetValue(url.Port, out var servedVenue) || servedVenue != venue.Name)
                {
                    Problem($"venue {venue.Name} at {url} is not the exchange service's {venue.Name} ({string.Join(", ", served.Select(s => $"{s.Value} on {s.Key}"))})");
                }
            }
        }

        CheckJournal(node, settings, postgres, Problem);
        if (!node.DependsOn.Contains(postgres.Name) || !node.DependsOn.Contains(exchange.Name))
        {
            Problem($"depends on {string.Join(", ", node.DependsOn)}, not on both {postgres.Name} and {exchange.Name}");
        }

        var read = ClusterConfs.VariablesRead(LocalPath(node.Option("--config")!, image, root));
        foreach (var unread in node.Environment.Keys.Where(k => k.StartsWith("FUNDINGARB_", StringComparison.Ordinal) || k.StartsWith("EXCHANGE_", StringComparison.Ordinal)).Except(read))
        {
            Problem($"sets {unread}, which its conf never reads");
        }

        var dataFolder = Path.Combine(image.WorkDirectory, settings.Config.GetString("fundingarb.node.data-dir"));
        if (!node.VolumeTargets.Any(target => dataFolder.StartsWith(target.TrimEnd('/') + "/", StringComparison.Ordinal)))
        {
            Problem($"its data folder {dataFolder} is on no volume ({string.Join(", ", node.VolumeTargets)}): the journal's local state would go with the container");
        }

        if (node.StopGracePeriod is not { } grace || grace <= settings.ShutdownDeadline)
        {
            Problem($"stop_grace_period {node.StopGracePeriod} does not leave the node its shutdown deadline of {settings.ShutdownDeadline} to drain");
        }
    }

    private static void CheckJournal(ComposeService node, NodeSettings settings, ComposeService postgres, Action<string> problem)
    {
        if (settings.Config.GetString("akka.persistence.journal.plugin") != JournalPlugin)
        {
            problem($"its journal is {settings.Config.GetString("akka.persistence.journal.plugin")}, not {JournalPlugin}");
            return;
        }

        var connection = new NpgsqlConnectionStringBuilder(settings.Config.GetString(JournalPlugin + ".connection-string"));
        var user = postgres.Environment.GetValueOrDefault("POSTGRES_USER", "postgres");
        var expected = (postgres.Name, PostgresPort, user, postgres.Environment.GetValueOrDefault("POSTGRES_PASSWORD"), postgres.Environment.GetValueOrDefault("POSTGRES_DB", user));
        if ((connection.Host, connection.Port, connection.Username, connection.Password, connection.Database) != expected)
        {
            problem($"its journal is on {connection.Host}:{connection.Port} as {connection.Username} in {connection.Database} (password matching: {connection.Password == expected.Item4}), "
                + $"not on service {expected.Item1}:{expected.Item2} as {expected.Item3} in {expected.Item5}");
        }
    }

    // Port to venue name, as `fundingarb exchange --config FILE --port N` serves them.
    private static Dictionary<int, string> ExchangePorts(ComposeService exchange, DockerImage image, string root, List<string> problems)
    {
        var basePort = exchange.Option("--port") is { } port ? int.Parse(port, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        var settings = ExchangeConfigLoader.Load(new ExchangeRunOptions(LocalPath(exchange.Option("--config")!, image, root), basePort), EnvironmentOf(exchange), ExchangeProtocols.All);
        if (!settings.Host.Equals(IPAddress.Any))
        {
            problems.Add($"service {exchange.Name}: its venues listen on {settings.Host}, which no other container reaches");
        }

        foreach (var serve in settings.Serve.Where(s => !exchange.Expose.Contains(s.Port)))
        {
            problems.Add($"service {exchange.Name}: serves {serve.Venue} on {serve.Port}, which it does not expose");
        }

        return settings.Serve.ToDictionary(s => s.Port, s => s.Venue);
    }

    // A file of the image, under the folder the Dockerfile publishes to, is the clone's file of the same relative path.
    private static string LocalPath(string imagePath, DockerImage image, string root) =>
        imagePath.StartsWith(image.PublishFolder + "/", StringComparison.Ordinal)
            ? Path.Combine(root, imagePath[(image.PublishFolder.Length + 1)..])
            : throw new FileNotFoundException($"{imagePath} is not under {image.PublishFolder}, where the image has the application");

    private static Hashtable EnvironmentOf(ComposeService service) => new(service.Environment);
}
