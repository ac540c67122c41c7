using System.Collections;
using System.Globalization;
using FundingArb.Kernel.Configuration;
using FundingArb.Node.Hosting;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Configuration;

// Layers, first wins: command-line options, CONFIG_FORCE_* environment variables, the node's file, then the
// documented defaults (hocon/reference.conf, embedded in the kernel). Every key a user writes must exist in the
// defaults, so a typo stops the node at start instead of being ignored; the simulation block (checked by the
// scenario reader) and free-form maps are the exceptions.

/// Loads and checks the node's configuration; every problem is a NodeConfigurationException naming file, line and key.
public static class NodeConfigLoader
{
    public const string DefaultFile = "hocon/node.conf";

    private static readonly string[] s_freeForm = [NodeSettingsReader.SimulationPath, NodeSettingsReader.NodePath + ".logging.overrides"];

    public static NodeSettings Load(NodeRunOptions options, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var file = Path.GetFullPath(options.ConfigFile ?? FindDefaultFile());
        try
        {
            if (!File.Exists(file))
            {
                throw new NodeConfigurationException($"{file}: no such configuration file.");
            }

            var user = ConfigurationFactory.ParseFile(file);
            var overrides = EnvironmentOverrides.From(environment);
            var reference = ConfigurationFactory.Default();
            CheckKeys(user, reference);
            CheckKeys(overrides, reference);
            var config = OptionOverrides(options).WithFallback(overrides).WithFallback(user).WithFallback(reference);
            // Relative folders are relative to where the node was started from, as a user typing them expects.
            return NodeSettingsReader.Read(config, Directory.GetCurrentDirectory());
        }
        catch (Exception failure) when (failure is HoconParseException or ConfigurationException or ScenarioException or IOException)
        {
            throw new NodeConfigurationException(failure.Message, failure);
        }
    }

    /// hocon/node.conf under the current folder (a clone's root), else the copy beside the executable.
    public static string FindDefaultFile()
    {
        var local = Path.GetFullPath(DefaultFile);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, DefaultFile);
    }

    private static Config OptionOverrides(NodeRunOptions options)
    {
        var lines = new List<string>();
        if (options.Speed is { } speed)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"fundingarb.node.speed = {speed:R}"));
        }

        if (options.DataDirectory is { } data)
        {
            lines.Add($"fundingarb.node.data-dir = {HoconText.Quote(data)}");
        }

        if (options.AllowStranded)
        {
            lines.Add("fundingarb.node.allow-stranded-pairs = on");
        }

        return lines.Count == 0
            ? ConfigurationFactory.Empty
            : ConfigurationFactory.ParseString(string.Join('\n', lines), HoconParseOptions.Default with { FileName = "command line" });
    }

    private static void CheckKeys(Config user, Config reference)
    {
        foreach (var (path, value) in user.AsEnumerable())
        {
            if (s_freeForm.Any(prefix => path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal)) || reference.HasPath(path))
            {
                continue;
            }

            throw new NodeConfigurationException($"{value.Origin}: unknown key '{path}' (hocon/reference.conf lists every key with its default).");
        }
    }
}
