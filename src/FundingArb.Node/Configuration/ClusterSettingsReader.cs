using System.Text.RegularExpressions;
using Akka.Actor;
using FundingArb.Node.Hosting;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

/// Binds `fundingarb.cluster`; a bad value throws ConfigKeyException naming the key and the value.
public static partial class ClusterSettingsReader
{
    public const string Path = "fundingarb.cluster";

    public static NodeClusterSettings Read(HoconReader cluster)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var resolver = cluster.GetObject("split-brain-resolver");
        var detector = cluster.GetObject("failure-detector");
        var stableAfter = PositiveDuration(resolver, "stable-after");
        return new NodeClusterSettings
        {
            Region = Region(cluster, "region"),
            Roles = [.. cluster.GetStringList("roles").Select(role => Role(cluster, role))],
            Hostname = cluster.GetString("hostname") is { Length: > 0 } host ? host : throw cluster.Error("hostname", "'' must name this machine's address"),
            Port = cluster.GetInt("port") is >= 0 and <= 65535 and var port ? port : throw cluster.Error("port", $"{cluster.GetInt("port")} must be between 0 and 65535"),
            SeedNodes = [.. cluster.GetStringList("seed-nodes").Select(seed => SeedNode(cluster, seed))],
            StableAfter = stableAfter,
            DownAllWhenUnstable = DownAllWhenUnstable(resolver),
            DownRemovalMargin = PositiveDuration(resolver, "down-removal-margin"),
            HeartbeatInterval = PositiveDuration(detector, "heartbeat-interval"),
            AcceptableHeartbeatPause = PositiveDuration(detector, "acceptable-heartbeat-pause"),
            FailureThreshold = detector.GetDouble("threshold") is > 0 and var threshold && double.IsFinite(threshold)
                ? threshold
                : throw detector.Error("threshold", $"{detector.GetDouble("threshold")} must be a number above zero"),
            RecentEvents = cluster.GetInt("recent-events") is >= 1 and <= 10_000 and var events
                ? events
                : throw cluster.Error("recent-events", $"{cluster.GetInt("recent-events")} must be between 1 and 10000"),
            Shards = cluster.GetInt("shards") is >= 1 and <= 10_000 and var shards
                ? shards
                : throw cluster.Error("shards", $"{cluster.GetInt("shards")} must be between 1 and 10000"),
        };
    }

    /// A region (of the node or of a venue): lowercase letters, digits and dashes, as a role name reads plainly.
    public static string Region(HoconReader section, string key)
    {
        ArgumentNullException.ThrowIfNull(section);
        var region = section.GetString(key);
        return Name().IsMatch(region) ? region : throw section.Error(key, $"'{region}' is not a region name (lowercase letters, digits and dashes)");
    }

    private static string Role(HoconReader cluster, string role)
    {
        if (!Name().IsMatch(role))
        {
            throw cluster.Error("roles", $"'{role}' is not a role name (lowercase letters, digits and dashes)");
        }

        return role.StartsWith(NodeClusterSettings.RegionRolePrefix, StringComparison.Ordinal)
            ? throw cluster.Error("roles", $"'{role}': region roles come from {Path}.region alone")
            : role;
    }

    // Every member runs the same actor system name, so a seed of another name could never be joined.
    private static string SeedNode(HoconReader cluster, string seed)
    {
        Address address;
        try
        {
            address = Address.Parse(seed);
        }
        catch (UriFormatException)
        {
            throw cluster.Error("seed-nodes", $"'{seed}' is not an Akka address such as akka.tcp://{NodeAkka.SystemName}@10.0.0.1:4053");
        }

        if (address.Protocol != "akka.tcp" || address.System != NodeAkka.SystemName || address.Host is null || address.Port is null or <= 0)
        {
            throw cluster.Error("seed-nodes", $"'{seed}' must be akka.tcp://{NodeAkka.SystemName}@HOST:PORT, with a port above zero");
        }

        return address.ToString();
    }

    private static TimeSpan? DownAllWhenUnstable(HoconReader resolver)
    {
        var text = resolver.GetString("down-all-when-unstable");
        return text switch
        {
            "off" or "false" or "no" => null,
            "on" or "true" or "yes" => UnstableDefault(PositiveDuration(resolver, "stable-after")),
            _ => PositiveDuration(resolver, "down-all-when-unstable"),
        };
    }

    // Akka's own meaning of `on`: three quarters of stable-after, but at least four seconds.
    private static TimeSpan UnstableDefault(TimeSpan stableAfter) => TimeSpan.FromTicks(Math.Max(stableAfter.Ticks * 3 / 4, TimeSpan.FromSeconds(4).Ticks));

    private static TimeSpan PositiveDuration(HoconReader section, string key)
    {
        var value = section.GetTimeSpan(key);
        return value > TimeSpan.Zero ? value : throw section.Error(key, $"{value} must be a duration above zero");
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")]
    private static partial Regex Name();
}
