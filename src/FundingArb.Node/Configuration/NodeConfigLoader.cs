using System.Collections;
using System.Globalization;
using FundingArb.Node.Hosting;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

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
        // Relative folders are relative to where the node was started from, as a user typing them expects.
        return ConfigLayers.Load(options.ConfigFile ?? FindDefaultFile(), OptionOverrides(options), environment,
            document => NodeSettingsReader.Read(document, Directory.GetCurrentDirectory(), environment));
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
