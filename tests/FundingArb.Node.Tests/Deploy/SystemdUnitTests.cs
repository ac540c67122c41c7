using System.Text.RegularExpressions;
using FundingArb.Node.Exchange;

namespace FundingArb.Node.Tests.Deploy;

// deploy/systemd/: the units start what hocon/ ships, and give the processes the time their shutdown takes.
public sealed partial class SystemdUnitTests
{
    private static readonly string s_folder = Path.Combine(RepositoryFolder.Root, "deploy", "systemd");

    [Fact]
    public void Each_node_instance_runs_its_cluster_conf_and_is_given_longer_than_its_shutdown_deadline_to_stop_on_sigterm()
    {
        var unit = File.ReadAllText(Path.Combine(s_folder, "fundingarb-node@.service"));

        foreach (var name in ClusterConfs.Names)
        {
            var command = Value(unit, "ExecStart").Replace("%i", name, StringComparison.Ordinal);
            var conf = Assert.Single(Option().Matches(command), m => m.Groups["name"].Value == "--config").Groups["value"].Value;
            var settings = ClusterConfs.Load(Published(conf), ClusterConfs.LoopbackEnvironment());
            Assert.Equal(name, settings.Name);
            Assert.True(TimeSpan.FromSeconds(int.Parse(Value(unit, "TimeoutStopSec"), System.Globalization.CultureInfo.InvariantCulture)) > settings.ShutdownDeadline);
        }

        Assert.Equal(("SIGTERM", "always"), (Value(unit, "KillSignal"), Value(unit, "Restart")));
        Assert.Equal(["/etc/fundingarb/cluster.env", "-/etc/fundingarb/%i.env"], Values(unit, "EnvironmentFile"));
        Assert.Equal("/var/lib/fundingarb", Value(unit, "WorkingDirectory"));
    }

    [Fact]
    public void The_exchange_unit_runs_the_shipped_exchange_on_7100_to_7102()
    {
        var unit = File.ReadAllText(Path.Combine(s_folder, "fundingarb-exchange.service"));
        var options = Option().Matches(Value(unit, "ExecStart")).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

        var settings = ExchangeConfigLoader.Load(new ExchangeRunOptions(Published(options["--config"]), int.Parse(options["--port"], System.Globalization.CultureInfo.InvariantCulture)),
            new System.Collections.Hashtable(), Exchange.NamedProtocol.Shipped);

        Assert.Equal(["alpha 7100", "beta 7101", "gamma 7102"], settings.Serve.Select(s => $"{s.Venue} {s.Port}"));
        Assert.Equal("SIGTERM", Value(unit, "KillSignal"));
    }

    // The units run the application published to /opt/fundingarb, which carries the clone's hocon/.
    private static string Published(string path)
    {
        Assert.StartsWith("/opt/fundingarb/", path, StringComparison.Ordinal);
        return Path.Combine(RepositoryFolder.Root, path["/opt/fundingarb/".Length..]);
    }

    private static string Value(string unit, string key) => Assert.Single(Values(unit, key));

    private static List<string> Values(string unit, string key) =>
        [.. unit.Split('\n').Where(l => l.StartsWith(key + "=", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..].Trim())];

    [GeneratedRegex(@"(?<name>--[a-z]+) (?<value>\S+)")]
    private static partial Regex Option();
}
