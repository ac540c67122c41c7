using System.Globalization;
using System.Text.RegularExpressions;
using Akka.Configuration;
using FundingArb.Exchange.Hosting;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

// Akka's Config takes any key and reads any value as a default when it does not parse, so a layer of the user's
// configuration (the file, CONFIG_FORCE_* variables, options) is held against hocon/reference.conf before it is used:
// every key must be documented there (a typo stops the node instead of being ignored), sections stay sections and
// values stay values, and a value the node does not bind itself (the actor runtime's and journal's keys) must be of
// the kind of its documented default: a number, a duration or a boolean. The keys the node binds (NodeSettingsReader,
// the strategy's and the risk gate's readers) are checked by those readers, which know their ranges and words.

/// Checks a layer of the node's configuration against the reference configuration.
internal static partial class ReferenceCheck
{
    public const string SubstitutionsPath = "fundingarb.substitutions";

    // Free-form maps, the simulation blocks, which the scenario reader checks key by key, the exchange's list of
    // served venues and the node's venues by name, which their readers check entry by entry, and the values a file keeps
    // for its own substitutions, which nothing reads but the substitutions themselves.
    private static readonly string[] s_freeForm =
    [
        NodeSettingsReader.SimulationPath, VenueSettingsReader.Path, NodeSettingsReader.NodePath + ".logging.overrides",
        ExchangeSettingsReader.SimulationPath, ExchangeSettingsReader.ServePath, SubstitutionsPath,
    ];

    private static readonly string[] s_bound = [NodeSettingsReader.NodePath, ClusterSettingsReader.Path, ExchangeSettingsReader.ExchangePath, "fundingarb.risk", "strategy"];

    /// Throws ConfigKeyException at the first key of layer that the reference does not allow.
    public static void Check(Config layer, Config reference) => Check(new HoconReader(layer, ""), new HoconReader(reference, ""));

    private static void Check(HoconReader layer, HoconReader reference)
    {
        foreach (var key in layer.Keys)
        {
            var path = layer.PathOf(key);
            if (s_freeForm.Any(prefix => path == prefix || path.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                continue;
            }

            var documented = reference.KindOf(key);
            var written = layer.KindOf(key);
            if (documented is HoconKind.Missing)
            {
                throw written is HoconKind.Section && layer.GetObject(key).Keys.Count > 0
                    ? Unknown(layer.GetObject(key))
                    : layer.Error(key, "unknown key (hocon/reference.conf lists every key with its default)");
            }

            if (written is not HoconKind.Null && written != documented)
            {
                throw layer.Error(key, $"takes {Describe(documented)}, not {Describe(written)}");
            }

            if (written is HoconKind.Section)
            {
                Check(layer.GetObject(key), reference.GetObject(key));
            }
            else if (written is HoconKind.Scalar && documented is HoconKind.Scalar && !s_bound.Any(prefix => path.StartsWith(prefix + ".", StringComparison.Ordinal)))
            {
                CheckKind(layer, key, reference.GetString(key));
            }
        }
    }

    // The first key under an undocumented section, so that the message names the whole path that was written.
    private static ConfigKeyException Unknown(HoconReader section)
    {
        var key = section.Keys[0];
        return section.KindOf(key) is HoconKind.Section && section.GetObject(key).Keys.Count > 0
            ? Unknown(section.GetObject(key))
            : section.Error(key, "unknown key (hocon/reference.conf lists every key with its default)");
    }

    // Reading the value as its default's kind throws the reader's own error when it is not one.
    private static void CheckKind(HoconReader layer, string key, string documented)
    {
        if (documented is "on" or "off" or "true" or "false" or "yes" or "no")
        {
            layer.GetBoolean(key);
        }
        else if (documented == "infinite" || DurationPattern().IsMatch(documented))
        {
            layer.GetTimeSpan(key, allowInfinite: true);
        }
        else if (decimal.TryParse(documented, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            layer.GetDecimal(key);
        }
    }

    private static string Describe(HoconKind kind) => kind switch
    {
        HoconKind.Section => "a section (keys in braces)",
        HoconKind.List => "a list",
        _ => "a value",
    };

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?\s*[a-z]+$")]
    private static partial Regex DurationPattern();
}
