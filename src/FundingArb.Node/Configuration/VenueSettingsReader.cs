using System.Collections;
using System.Collections.Immutable;
using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

// `fundingarb.venues` names how each venue is reached. A venue of the simulation that is not named there is simulated
// (the default, so a configuration without the section runs as before); a named venue is simulated only when its kind
// says so, and otherwise reaches a real venue's API (or `fundingarb exchange`) through its connector. Keys never come
// from the configuration's text: it names environment variables or a key file, read here, once, at start.

/// Reads `fundingarb.venues` against the simulation's venues; a bad entry throws ConfigKeyException naming its key.
public static class VenueSettingsReader
{
    public const string Path = "fundingarb.venues";

    private static readonly string[] s_keys = ["kind", "region", "rest-url", "ws-url", "api-key-env", "api-secret-env", "passphrase-env", "key-file"];

    private static readonly string[] s_variableKeys = ["api-key-env", "api-secret-env", "passphrase-env"];

    private static readonly ImmutableArray<(string Name, NodeVenueKind Kind, string RestUrl, string WebSocketUrl)> s_kinds =
    [
        ("simulated", NodeVenueKind.Simulated, "", ""),
        ("binance-usdm", NodeVenueKind.BinanceUsdm, "https://fapi.binance.com", "wss://fstream.binance.com"),
        ("bybit-v5", NodeVenueKind.BybitV5, "https://api.bybit.com", "wss://stream.bybit.com"),
        ("okx-v5", NodeVenueKind.OkxV5, "https://www.okx.com", "wss://ws.okx.com:8443"),
    ];

    /// simulation lists the simulated venues in order, each with its region (the simulation's, or else the node's); a
    /// venue named here takes its own `region`, or else the simulation's, or else nodeRegion.
    public static ImmutableArray<NodeVenueSettings> Read(HoconReader venues, IReadOnlyList<(string Name, string Region)> simulation, string nodeRegion,
        IDictionary environment, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(simulation);
        ArgumentNullException.ThrowIfNull(environment);
        var simulated = simulation.ToDictionary(v => v.Name, v => v.Region, StringComparer.Ordinal);
        var named = venues.Keys.ToDictionary(name => name,
            name => ReadVenue(venues, name, simulated, simulated.GetValueOrDefault(name, nodeRegion), environment, baseDirectory), StringComparer.Ordinal);
        return [
            .. simulation.Select(v => named.GetValueOrDefault(v.Name) ?? NodeVenueSettings.Simulated(v.Name, v.Region)),
            .. venues.Keys.Where(name => !simulated.ContainsKey(name)).Select(name => named[name]),
        ];
    }

    private static NodeVenueSettings ReadVenue(HoconReader venues, string name, Dictionary<string, string> simulation, string defaultRegion,
        IDictionary environment, string baseDirectory)
    {
        var venue = venues.GetObject(name);
        venue.RejectUnknown(s_keys);
        var region = venue.Has("region") ? ClusterSettingsReader.Region(venue, "region") : defaultRegion;
        var kindText = venue.GetString("kind");
        var kind = s_kinds.FirstOrDefault(k => k.Name == kindText);
        if (kind.Name is null)
        {
            throw venue.Error("kind", $"'{kindText}' is not a venue kind; expected one of {string.Join(", ", s_kinds.Select(k => k.Name))}");
        }

        if (kind.Kind is NodeVenueKind.Simulated)
        {
            return simulation.ContainsKey(name)
                ? NodeVenueSettings.Simulated(name, region)
                : throw venue.Error("kind", $"venue {name} is simulated but fundingarb.node.simulation has no venue {name}");
        }

        return new NodeVenueSettings(name, kind.Kind, Url(venue, "rest-url", kind.RestUrl, "http", "https"), Url(venue, "ws-url", kind.WebSocketUrl, "ws", "wss"),
            ReadKeys(venue, name, kind.Kind is NodeVenueKind.OkxV5, environment, baseDirectory), region);
    }

    private static Uri Url(HoconReader venue, string key, string fallback, params string[] schemes)
    {
        var text = venue.GetString(key, fallback);
        return Uri.TryCreate(text, UriKind.Absolute, out var url) && schemes.Contains(url.Scheme, StringComparer.Ordinal)
            ? url
            : throw venue.Error(key, $"'{text}' is not an absolute {string.Join(" or ", schemes)} URL");
    }

    private static VenueKeys ReadKeys(HoconReader venue, string name, bool needsPassphrase, IDictionary environment, string baseDirectory)
    {
        var fromEnvironment = venue.Has("api-key-env") || venue.Has("api-secret-env") || venue.Has("passphrase-env");
        if (venue.Has("key-file"))
        {
            return fromEnvironment
                ? throw venue.Error("key-file", $"venue {name} takes its keys from key-file or from the *-env variables, not both")
                : VenueKeyFile.Read(venue, name, System.IO.Path.GetFullPath(venue.GetString("key-file"), baseDirectory), needsPassphrase);
        }

        if (!fromEnvironment)
        {
            throw venue.Error("api-key-env", $"venue {name} needs its keys: api-key-env and api-secret-env{(needsPassphrase ? " and passphrase-env" : "")}, or key-file");
        }

        if (!needsPassphrase && venue.Has("passphrase-env"))
        {
            throw venue.Error("passphrase-env", $"venue {name}'s kind takes no passphrase (only okx-v5 does)");
        }

        var key = Variable(venue, name, "api-key-env", environment);
        var secret = Variable(venue, name, "api-secret-env", environment);
        var passphrase = needsPassphrase ? Variable(venue, name, "passphrase-env", environment) : null;
        var names = string.Join(", ", s_variableKeys.Where(venue.Has).Select(venue.GetString));
        return new VenueKeys(key, secret, passphrase, $"environment variables {names}");
    }

    // The message names the variable, never its value.
    private static string Variable(HoconReader venue, string name, string key, IDictionary environment)
    {
        var variable = venue.Has(key) ? venue.GetString(key) : throw venue.Error(key, $"venue {name} needs {key} (the name of the environment variable holding it)");
        return environment[variable] is string { Length: > 0 } value
            ? value
            : throw venue.Error(key, $"venue {name}: the environment variable {variable} is not set");
    }
}
