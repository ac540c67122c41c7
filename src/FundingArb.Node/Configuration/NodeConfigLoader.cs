using System.Collections;
using System.Globalization;
using FundingArb.Node.Hosting;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Configuration;

// Layers, first wins: command-line options, CONFIG_FORCE_* environment variables, the node's file, then the
// documented defaults (hocon/reference.conf, embedded in this assembly). Each layer the user wrote is held against
// the defaults first (ReferenceCheck), so a typo stops the node at start instead of being ignored. Akka's Config
// keeps no positions; every document here keeps its own (HoconDocument), layered like the configs, so an error names
// the file and line of the layer the bad value came from.

/// Loads and checks the node's configuration; every problem is a NodeConfigurationException naming file, line and key.
public static class NodeConfigLoader
{
    public const string DefaultFile = "hocon/node.conf";

    /// The settings from the process's environment, or null once the configuration error is written (exit code 1).
    public static async Task<NodeSettings?> LoadOrReportAsync(NodeRunOptions options, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return Load(options, Environment.GetEnvironmentVariables());
        }
        catch (NodeConfigurationException bad)
        {
            await error.WriteLineAsync($"configuration error: {bad.Message}").ConfigureAwait(false);
            return null;
        }
    }

    public static NodeSettings Load(NodeRunOptions options, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        var file = Path.GetFullPath(options.ConfigFile ?? FindDefaultFile());
        var positions = HoconPositions.None;
        try
        {
            if (!File.Exists(file))
            {
                throw new NodeConfigurationException($"{file}: no such configuration file.");
            }

            string? Variable(string name) => environment[name] as string;
            var reference = ReferenceConfig.Load(Variable);
            HoconDocument[] layers = [OptionOverrides(options), EnvironmentOverrides.From(environment), HoconDocument.ParseFile(file, Variable)];
            positions = layers.Reverse().Aggregate(reference.Positions, (fallback, layer) => layer.Positions.Over(fallback));
            foreach (var layer in layers)
            {
                ReferenceCheck.Check(layer.Config, reference.Config);
            }

            // Merged only once checked: Akka's Config fails with a NullReferenceException on a section over a value.
            var document = layers.Reverse().Aggregate(reference, (fallback, layer) => layer.WithFallback(fallback));
            // Relative folders are relative to where the node was started from, as a user typing them expects.
            return NodeSettingsReader.Read(document, Directory.GetCurrentDirectory());
        }
        catch (ConfigKeyException bad)
        {
            throw new NodeConfigurationException($"{positions.Find(bad.Path)?.ToString() ?? "<defaults>"}: {bad.Message}.", bad);
        }
        catch (Exception failure) when (failure is HoconSyntaxException or ScenarioException or IOException)
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

    private static HoconDocument OptionOverrides(NodeRunOptions options)
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

        return lines.Count == 0 ? HoconDocument.Empty : HoconDocument.Parse(string.Join('\n', lines), "command line", _ => null);
    }
}
