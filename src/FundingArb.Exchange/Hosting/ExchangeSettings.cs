using System.Collections.Immutable;
using System.Net;
using FundingArb.Venues.Scenarios;
using Microsoft.Extensions.Logging;

namespace FundingArb.Exchange.Hosting;

/// Everything `fundingarb exchange` runs with, read from `fundingarb.exchange` (hocon/reference.conf documents each key).
public sealed record ExchangeSettings
{
    /// Absolute: the venues' saved state (venues/) and the logs (logs/) live here.
    public required string DataDirectory { get; init; }

    /// The simulated venues and their markets (the scenario format of docs/scenarios.md).
    public required Scenario Simulation { get; init; }

    /// The venues served, in the order they are printed and numbered from a base port.
    public required ImmutableArray<ServeSettings> Serve { get; init; }

    /// The address every venue listens on: loopback unless the nodes reach the exchange from elsewhere.
    public IPAddress Host { get; init; } = IPAddress.Loopback;

    public required ExchangeAccount Account { get; init; }

    /// How often the venues' state is saved besides after each of their user events and at shutdown.
    public required TimeSpan SaveInterval { get; init; }

    public required LogLevel LogLevel { get; init; }

    public string VenueDirectory => Path.Combine(DataDirectory, "venues");

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// The same venues served on basePort, basePort + 1, ... in Serve's order (`--port N`).
    public ExchangeSettings WithBasePort(int basePort)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(basePort);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basePort + Serve.Length - 1, 65535, nameof(basePort));
        return this with { Serve = [.. Serve.Select((s, i) => s with { Port = basePort + i })] };
    }
}
