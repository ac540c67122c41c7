using System.Collections;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Configuration;

// Layers, first wins: command-line options, CONFIG_FORCE_* environment variables, the command's file, then the
// documented defaults (hocon/reference.conf, embedded in this assembly). Each layer the user wrote is held against
// the defaults first (ReferenceCheck), so a typo stops the command at start instead of being ignored. Akka's Config
// keeps no positions; every document here keeps its own (HoconDocument), layered like the configs, so an error names
// the file and line of the layer the bad value came from.

/// Resolves the configuration of a `fundingarb` command (the node, the exchange); every problem is a
/// NodeConfigurationException naming file, line and key.
internal static class ConfigLayers
{
    /// bind reads the command's settings from the resolved document; its ConfigKeyException gains the key's position.
    public static T Load<T>(string file, HoconDocument options, IDictionary environment, Func<HoconDocument, T> bind)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(bind);
        file = Path.GetFullPath(file);
        var positions = HoconPositions.None;
        try
        {
            if (!File.Exists(file))
            {
                throw new NodeConfigurationException($"{file}: no such configuration file.");
            }

            string? Variable(string name) => environment[name] as string;
            var reference = ReferenceConfig.Load(Variable);
            HoconDocument[] layers = [options, EnvironmentOverrides.From(environment), HoconDocument.ParseFile(file, Variable)];
            positions = layers.Reverse().Aggregate(reference.Positions, (fallback, layer) => layer.Positions.Over(fallback));
            foreach (var layer in layers)
            {
                ReferenceCheck.Check(layer.Config, reference.Config);
            }

            // Merged only once checked: Akka's Config fails with a NullReferenceException on a section over a value.
            return bind(layers.Reverse().Aggregate(reference, (fallback, layer) => layer.WithFallback(fallback)));
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
}
