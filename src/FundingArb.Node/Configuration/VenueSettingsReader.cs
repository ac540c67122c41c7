using System.Collections;
using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Paper;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Configuration;

// `fundingarb.venues` names how each venue is reached. A venue of the simulation that is not named there is simulated
// (the default, so a configuration without the section runs as before); a named venue is simulated only when its kind
// says so, and otherwise reaches a real venue's API (or `fundingarb exchange`) through its connector. Keys never come
// from the configuration's text: it names environment variables or a key file, read here, once, at start. A connector
// venue in paper mode reads no keys at all (its key settings may stay, unread, for the day it goes live).

/// Reads `fundingarb.venues` against the simulation's venues; a bad entry throws ConfigKeyException naming its key.
public static class VenueSettingsReader
{
    public const string Path = "fundingarb.venues";

    private static readonly string[] s_keys = ["kind", "region", "mode", "paper", "rest-url", "ws-url", "api-key-env", "api-secret-env", "passphrase-env", "key-file", "simulated-trading"];

    private static readonly string[] s_paperKeys = ["balances", "maker-fee", "taker-fee", "leverage", "funding-poll-interval"];

    private static readonly string[] s_modes = ["live", "paper"];

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

        var mode = venue.GetString("mode", "live");
        if (!s_modes.Contains(mode, StringComparer.Ordinal))
        {
            throw venue.Error("mode", $"'{mode}' is not a venue mode; expected one of {string.Join(", ", s_modes)}");
        }

        var rest = Url(venue, "rest-url", kind.RestUrl, "http", "https");
        var webSocket = Url(venue, "ws-url", kind.WebSocketUrl, "ws", "wss");
        if (mode == "paper")
        {
            return new NodeVenueSettings(name, kind.Kind, rest, webSocket, null, region) { Mode = NodeVenueMode.Paper, Paper = ReadPaper(venue, name, kind.Kind) };
        }

        if (venue.Has("paper"))
        {
            throw venue.Error("paper", $"venue {name} trades live (mode = live); paper settings apply only with mode = paper");
        }

        return new NodeVenueSettings(name, kind.Kind, rest, webSocket, ReadKeys(venue, name, kind.Kind is NodeVenueKind.OkxV5, environment, baseDirectory), region)
        {
            SimulatedTrading = SimulatedTrading(venue, name, kind.Kind),
        };
    }

    // OKX tells demo from live trading by the x-simulated-trading header alone (same URLs): off, the default, is live.
    private static bool SimulatedTrading(HoconReader venue, string name, NodeVenueKind kind)
    {
        if (!venue.Has("simulated-trading"))
        {
            return false;
        }

        if (kind is not NodeVenueKind.OkxV5)
        {
            throw venue.Error("simulated-trading", $"venue {name}'s kind has no simulated-trading (only okx-v5 does)");
        }

        return venue.GetBoolean("simulated-trading");
    }

    // Fees and the post-only style default to the venue's own (its base tier; its published rules), which its public
    // endpoints do not report.
    private static PaperVenueSettings ReadPaper(HoconReader venue, string name, NodeVenueKind kind)
    {
        if (!venue.Has("paper"))
        {
            throw venue.Error("paper", $"venue {name} trades on paper (mode = paper) and needs paper.balances, e.g. paper {{ balances {{ USDT = 10000 }} }}");
        }

        var paper = venue.GetObject("paper");
        paper.RejectUnknown(s_paperKeys);
        if (!paper.Has("balances"))
        {
            throw paper.Error("balances", $"venue {name} trades on paper and needs its starting balances, e.g. balances {{ USDT = 10000 }}");
        }

        var balances = paper.GetObject("balances");
        var amounts = balances.Keys.Select(asset => new Money(NonNegative(balances, asset), new Asset(asset))).ToImmutableArray();
        if (amounts.IsEmpty)
        {
            throw paper.Error("balances", $"venue {name} trades on paper and needs at least one starting balance, e.g. balances {{ USDT = 10000 }}");
        }

        var (maker, taker, postOnly) = kind switch
        {
            NodeVenueKind.BybitV5 => (0.0002m, 0.00055m, PostOnlyStyle.CancelAfterAccept),
            NodeVenueKind.OkxV5 => (0.0002m, 0.0005m, PostOnlyStyle.CancelAfterAccept),
            _ => (0.0002m, 0.0005m, PostOnlyStyle.RejectOnSubmit),
        };
        var leverage = paper.GetDecimal("leverage", 10m);
        if (leverage < 1m)
        {
            throw paper.Error("leverage", $"{leverage} must be at least 1");
        }

        var poll = paper.GetTimeSpan("funding-poll-interval", TimeSpan.FromSeconds(15));
        if (poll <= TimeSpan.Zero)
        {
            throw paper.Error("funding-poll-interval", $"{poll} must be above zero");
        }

        return new PaperVenueSettings
        {
            Balances = amounts,
            Fees = new FeeSchedule(Fee(paper, "maker-fee", maker, -0.01m), Fee(paper, "taker-fee", taker, 0m)),
            PostOnly = postOnly,
            Leverage = leverage,
            FundingPollInterval = poll,
        };
    }

    /// A fee rate as a fraction of notional: below 10 %, and above the floor (a maker rebate may be negative).
    private static decimal Fee(HoconReader paper, string key, decimal fallback, decimal floor)
    {
        var rate = paper.GetDecimal(key, fallback);
        return rate >= floor && rate < 0.1m && (floor == 0m || rate > floor)
            ? rate
            : throw paper.Error(key, $"{rate} is not a fee rate (a fraction of notional from {floor} to 0.1)");
    }

    private static decimal NonNegative(HoconReader reader, string key)
    {
        var value = reader.GetDecimal(key);
        return value >= 0m ? value : throw reader.Error(key, $"{value} must not be negative");
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
