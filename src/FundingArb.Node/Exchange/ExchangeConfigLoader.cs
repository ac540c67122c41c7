using System.Collections;
using FundingArb.Exchange;
using FundingArb.Exchange.Hosting;
using FundingArb.Node.Configuration;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Exchange;

/// Loads and checks the exchange's configuration as the node's is loaded (ConfigLayers: CONFIG_FORCE_* variables, the
/// file, hocon/reference.conf); every problem is a NodeConfigurationException naming file, line and key.
public static class ExchangeConfigLoader
{
    public const string DefaultFile = "hocon/exchange.conf";

    /// protocols: the ones the file may name (ExchangeProtocols.All; tests pass their own).
    public static ExchangeSettings Load(ExchangeRunOptions options, IDictionary environment, IReadOnlyList<IVenueProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Relative folders are relative to where the exchange was started from, as a user typing them expects.
        var settings = ConfigLayers.Load(options.ConfigFile ?? FindDefaultFile(), HoconDocument.Empty, environment,
            document => ExchangeSettingsReader.Read(document, Directory.GetCurrentDirectory(), protocols));
        if (options.BasePort is not { } basePort)
        {
            return settings;
        }

        return basePort + settings.Serve.Length - 1 <= 65535
            ? settings.WithBasePort(basePort)
            : throw new NodeConfigurationException($"--port {basePort}: {settings.Serve.Length} venues from port {basePort} go past port 65535.");
    }

    /// hocon/exchange.conf under the current folder (a clone's root), else the copy beside the executable.
    public static string FindDefaultFile()
    {
        var local = Path.GetFullPath(DefaultFile);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, DefaultFile);
    }
}
