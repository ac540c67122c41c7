using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace FundingArb.Node.Tests.Deploy;

/// A docker-compose.yml read with YamlDotNet (anchors and merge keys resolved), its services' values
/// interpolated as compose does with no variable set, so every ${VAR} needs a default (${VAR:-x} or ${VAR-x}).
internal sealed partial class ComposeFile
{
    private ComposeFile(ImmutableDictionary<string, ComposeService> services, ImmutableArray<string> problems)
    {
        Services = services;
        Problems = problems;
    }

    public ImmutableDictionary<string, ComposeService> Services { get; }

    /// What the file itself gets wrong: a ${VAR} without a default, a port that is not a number.
    public ImmutableArray<string> Problems { get; }

    public static ComposeFile Parse(string yaml)
    {
        using var reader = new StringReader(yaml);
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)))
            ?? throw new InvalidDataException("the compose file is empty");
        var problems = new List<string>();
        var services = Map(root, "services") ?? throw new InvalidDataException("the compose file has no services");
        var parsed = ImmutableDictionary.CreateBuilder<string, ComposeService>(StringComparer.Ordinal);
        foreach (var (key, value) in services)
        {
            var name = (string)key;
            var service = value as Dictionary<object, object?> ?? throw new InvalidDataException($"service {name} is not a mapping");
            string Text(object? scalar) => Interpolate(name, (string?)scalar ?? "", problems);
            var build = Map(service, "build");
            parsed[name] = new ComposeService(
                name,
                service.TryGetValue("image", out var image) ? Text(image) : null,
                build is not null && build.TryGetValue("dockerfile", out var dockerfile) ? Text(dockerfile) : null,
                [.. List(service, "command").Select(Text)],
                Pairs(service, "environment", Text),
                [.. List(service, "ports").Select(p => HostAndContainer(name, Text(p), problems))],
                [.. List(service, "expose").Select(p => Port(name, Text(p), problems))],
                [.. DependsOn(service)],
                Pairs(service, "labels", Text),
                [.. List(service, "volumes").Select(v => Text(v).Split(':')[^1])],
                service.TryGetValue("stop_grace_period", out var grace) ? Duration(name, Text(grace), problems) : null);
        }

        return new ComposeFile(parsed.ToImmutable(), [.. problems]);
    }

    private static Dictionary<object, object?>? Map(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) ? value as Dictionary<object, object?> : null;

    private static List<object?> List(Dictionary<object, object?> parent, string key) =>
        parent.TryGetValue(key, out var value) && value is List<object?> items ? items : [];

    // Both of compose's forms: a mapping, or a list of KEY=VALUE.
    private static ImmutableDictionary<string, string> Pairs(Dictionary<object, object?> service, string key, Func<object?, string> text)
    {
        var pairs = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (!service.TryGetValue(key, out var value))
        {
            return pairs.ToImmutable();
        }

        if (value is Dictionary<object, object?> map)
        {
            foreach (var (name, item) in map)
            {
                pairs[(string)name] = text(item);
            }
        }
        else if (value is List<object?> list)
        {
            foreach (var item in list.Select(text))
            {
                var equals = item.IndexOf('=', StringComparison.Ordinal);
                pairs[equals < 0 ? item : item[..equals]] = equals < 0 ? "" : item[(equals + 1)..];
            }
        }

        return pairs.ToImmutable();
    }

    // A list of names, or a mapping of name to { condition }.
    private static IEnumerable<string> DependsOn(Dictionary<object, object?> service) =>
        !service.TryGetValue("depends_on", out var value) ? []
        : value is Dictionary<object, object?> map ? map.Keys.Cast<string>()
        : value is List<object?> list ? list.Cast<string>()
        : [];

    private static (int Host, int Container) HostAndContainer(string service, string mapping, List<string> problems)
    {
        var parts = mapping.Split(':');
        return parts.Length >= 2
            ? (Port(service, parts[^2], problems), Port(service, parts[^1], problems))
            : (Port(service, parts[0], problems), Port(service, parts[0], problems));
    }

    private static int Port(string service, string text, List<string> problems)
    {
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
        {
            return port;
        }

        problems.Add($"service {service}: '{text}' is not a port");
        return 0;
    }

    private static TimeSpan? Duration(string service, string text, List<string> problems)
    {
        var match = DurationPattern().Match(text);
        if (match.Success)
        {
            var number = int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
            return match.Groups["unit"].Value == "m" ? TimeSpan.FromMinutes(number) : TimeSpan.FromSeconds(number);
        }

        problems.Add($"service {service}: stop_grace_period '{text}' is not a duration such as 45s");
        return null;
    }

    private static string Interpolate(string service, string text, List<string> problems) =>
        Variable().Replace(text.Replace("$$", "\u0000", StringComparison.Ordinal), match =>
        {
            if (match.Groups["default"].Success)
            {
                return match.Groups["default"].Value;
            }

            problems.Add($"service {service}: ${{{match.Groups["name"].Value}}} has no default, so the file does not run as it is");
            return "";
        }).Replace("\u0000", "$", StringComparison.Ordinal);

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(:?-(?<default>[^}]*)|[:?][^}]*)?\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^(?<n>[0-9]+)(?<unit>s|m)$")]
    private static partial Regex DurationPattern();
}
