using System.Collections.Immutable;
using System.Net;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;
using Microsoft.Extensions.Logging;

namespace FundingArb.Exchange.Hosting;

/// Binds `fundingarb.exchange` of a resolved configuration; a bad value throws ConfigKeyException naming the key (the
/// loader adds where it was written) or ScenarioException (which names its line itself).
public static class ExchangeSettingsReader
{
    public const string ExchangePath = "fundingarb.exchange";
    public const string SimulationPath = ExchangePath + ".simulation";
    public const string ServePath = ExchangePath + ".serve";

    private static readonly string[] s_serveKeys = ["venue", "protocol", "port"];
    private static readonly string[] s_accountKeys = ["api-key", "api-secret", "passphrase"];

    /// protocols: the ones a serve entry may name (ExchangeProtocols.All in the exchange process).
    public static ExchangeSettings Read(HoconDocument document, string baseDirectory, IReadOnlyList<IVenueProtocol> protocols)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        ArgumentNullException.ThrowIfNull(protocols);
        var exchange = new HoconReader(document.Config.GetConfig(ExchangePath), ExchangePath);
        var simulation = ScenarioLoader.FromSection(document, SimulationPath);
        var saveInterval = exchange.GetTimeSpan("save-interval");
        return new ExchangeSettings
        {
            DataDirectory = Path.GetFullPath(exchange.GetString("data-dir"), baseDirectory),
            Simulation = simulation,
            Serve = ReadServe(exchange, simulation, protocols),
            Host = ReadHost(exchange, "host"),
            Account = ReadAccount(exchange.GetObject("account")),
            SaveInterval = saveInterval > TimeSpan.Zero ? saveInterval : throw exchange.Error("save-interval", $"{saveInterval} must be a duration above zero"),
            LogLevel = ReadLogLevel(exchange, "log-level"),
        };
    }

    private static ImmutableArray<ServeSettings> ReadServe(HoconReader exchange, Scenario simulation, IReadOnlyList<IVenueProtocol> protocols)
    {
        var entries = exchange.GetObjectList("serve");
        if (entries.Count == 0)
        {
            throw exchange.Error("serve", "the exchange needs at least one venue to serve");
        }

        var served = new List<ServeSettings>();
        foreach (var entry in entries)
        {
            entry.RejectUnknown(s_serveKeys);
            var venue = entry.GetString("venue");
            if (simulation.Venues.All(v => v.Settings.Id.Value != venue))
            {
                throw entry.Error("venue", $"'{venue}' is not a venue of {SimulationPath}.venues; expected one of {string.Join(", ", simulation.Venues.Select(v => v.Settings.Id.Value))}");
            }

            if (served.Any(s => s.Venue == venue))
            {
                throw entry.Error("venue", $"'{venue}' is served twice");
            }

            var protocolName = entry.GetString("protocol");
            var protocol = protocols.FirstOrDefault(p => string.Equals(p.Name, protocolName, StringComparison.Ordinal))
                ?? throw entry.Error("protocol", $"unknown protocol '{protocolName}'; known protocols: {(protocols.Count == 0 ? "none" : string.Join(", ", protocols.Select(p => p.Name)))}");
            var port = entry.GetInt("port");
            if (port is < 0 or > 65535)
            {
                throw entry.Error("port", $"{port} must be between 0 (a free port) and 65535");
            }

            if (port != 0 && served.Any(s => s.Port == port))
            {
                throw entry.Error("port", $"{port} is already the port of venue {served.First(s => s.Port == port).Venue}");
            }

            served.Add(new ServeSettings(venue, protocol, port));
        }

        return [.. served];
    }

    private static ExchangeAccount ReadAccount(HoconReader account)
    {
        account.RejectUnknown(s_accountKeys);
        var passphrase = account.GetString("passphrase", "");
        return new ExchangeAccount(NotBlank(account, "api-key"), NotBlank(account, "api-secret"), passphrase.Length == 0 ? null : passphrase);
    }

    // Never echoes the value: the key may be the secret.
    private static string NotBlank(HoconReader section, string key)
    {
        var value = section.GetString(key);
        return !string.IsNullOrWhiteSpace(value) ? value : throw section.Error(key, "must not be empty");
    }

    private static IPAddress ReadHost(HoconReader section, string key)
    {
        var text = section.GetString(key);
        return IPAddress.TryParse(text, out var address)
            ? address
            : throw section.Error(key, $"'{text}' is not an IP address (127.0.0.1 for this machine only, 0.0.0.0 for every interface)");
    }

    private static LogLevel ReadLogLevel(HoconReader section, string key)
    {
        var text = section.GetString(key);
        return Enum.TryParse<LogLevel>(text, ignoreCase: true, out var level) && Enum.IsDefined(level) && level != LogLevel.None
            ? level
            : throw section.Error(key, $"'{text}' is not a log level; expected one of {string.Join(", ", Enum.GetNames<LogLevel>().Where(n => n != nameof(LogLevel.None)))}");
    }
}
