using System.Collections.Immutable;
using FundingArb.Actors.Simulation;
using FundingArb.Exchange;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Lockstep;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Scenarios;

// The scenario's venues are served by the simulated exchange in this process (Kestrel on loopback, one port per venue,
// each in its protocol) and the node trades with them through the real connectors, on the scenario's virtual clock:
// the exchange's timestamps and signature windows, the connectors' clock offsets, rate limits and request deadlines
// all read it. WireLockstep keeps the clock still while anything is on the wire (docs/scenarios.md).

/// `fundingarb scenario run FILE --via-exchange`: a scenario run with its venues behind the simulated exchange.
public static class ExchangeScenarioRun
{
    /// The protocols, in the order `mixed` hands them to the scenario's venues.
    public static readonly ImmutableArray<string> Protocols = ["binance-usdm", "bybit-v5", "okx-v5"];

    /// Every venue in its own protocol, round robin over Protocols in the scenario's venue order.
    public const string Mixed = "mixed";

    // Settle fails after this long without the wire going quiet: a hang names what is stuck instead of hanging.
    private static readonly TimeSpan s_settleDeadline = TimeSpan.FromMinutes(1);

    private static readonly ExchangeAccount s_account = new("scenario", "scenario-secret", "scenario-pass");

    /// The protocol that serves the scenario's index-th venue under protocol (`mixed` or one of Protocols).
    public static string ProtocolOf(string protocol, int index)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        return protocol == Mixed ? Protocols[index % Protocols.Length]
            : Protocols.Contains(protocol) ? protocol
            : throw new ArgumentException($"protocol '{protocol}' is none of {Mixed}, {string.Join(", ", Protocols)}", nameof(protocol));
    }

    public static async Task<SimulationResult> RunAsync(Scenario scenario, string protocol, ScenarioJournal? journal = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _ = ProtocolOf(protocol, 0);
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        using var lockstep = new WireLockstep(s_settleDeadline);
        try
        {
            foreach (var venue in venues)
            {
                lockstep.Add(venue);
            }

            var served = venues.Select((v, i) => (new ServedVenue(v, s_account, clock) { Lockstep = lockstep }, ExchangeProtocols.Find(ProtocolOf(protocol, i))!, 0));
            var server = await ExchangeServer.StartAsync(served, cancellationToken: cancellationToken).ConfigureAwait(false);
            await using (server.ConfigureAwait(false))
            {
                // Disposed before the server stops: that aborts their requests the venues still hold when the clock stops
                // at the scenario's end, which the server would otherwise wait for.
                using var connectors = new Connectors([.. server.Endpoints.Select(e => Connector(e, lockstep, clock))]);
                var world = new SimulationVenues(clock, venues, [.. connectors.Venues.Select(lockstep.Wrap)], lockstep.Settle);
                return await Task.Run(() => ScenarioSimulation.Run(scenario, journal, venues: world), cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }
    }

    private static IVenue Connector(VenueEndpoint endpoint, WireLockstep lockstep, VirtualClock virtualClock)
    {
        var clock = lockstep.TimeFor(virtualClock);
        var id = new VenueId(endpoint.Name);
        var wire = lockstep.WireFor(id);
        var root = endpoint.RestUrl;
        return endpoint.Protocol switch
        {
            "binance-usdm" => new BinanceUsdmVenue(new BinanceUsdmOptions(id, root, new UriBuilder(root) { Scheme = "ws" }.Uri, s_account.ApiKey, s_account.ApiSecret)
                { Wire = wire }, clock),
            "bybit-v5" => new BybitV5Venue(BybitV5Options.AtRoot(id, root, s_account.ApiKey, s_account.ApiSecret) with { Wire = wire }, clock),
            _ => new OkxV5Venue(OkxV5Options.AtRoot(id, root, s_account.ApiKey, s_account.ApiSecret, s_account.Passphrase!) with { Wire = wire }, clock),
        };
    }

    /// The connectors of one run, disposed together.
    private sealed class Connectors(ImmutableArray<IVenue> venues) : IDisposable
    {
        public ImmutableArray<IVenue> Venues { get; } = venues;

        public void Dispose()
        {
            foreach (var venue in Venues.OfType<IDisposable>())
            {
                venue.Dispose();
            }
        }
    }
}
