using System.Collections.Immutable;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingArb.Exchange.Hosting;

// Start: the venues (restored from the data folder when they were saved there), the saver, then one server per venue;
// the start lines are written once every venue listens, so a reader of `ready` can connect to all of them. Stop, in
// reverse: the servers (no more requests), then a last save of every venue, then the venues.

/// `fundingarb exchange` without its process: the configured venues, their saved state and their servers.
public sealed class ExchangeHost : IAsyncDisposable
{
    public const string ReadyLine = "ready";

    private readonly ExchangeSettings _settings;
    private readonly VenueStateSaver _saver;
    private readonly ExchangeServer _server;
    private readonly ILogger _log;

    private ExchangeHost(ExchangeSettings settings, ImmutableArray<SimulatedVenue> venues, VenueStateSaver saver, ExchangeServer server, ILogger log)
    {
        _settings = settings;
        Venues = venues;
        _saver = saver;
        _server = server;
        _log = log;
    }

    public ImmutableArray<SimulatedVenue> Venues { get; }

    public IReadOnlyList<VenueEndpoint> Endpoints => _server.Endpoints;

    /// Starts every served venue on clock and writes `venue NAME PROTOCOL REST-URL WS-URL` for each, then `ready`, to output.
    public static async Task<ExchangeHost> StartAsync(ExchangeSettings settings, TimeProvider clock, TextWriter output, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        loggerFactory ??= NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger<ExchangeHost>();
        var store = new VenueStateStore(settings.VenueDirectory);
        var savedAt = store.LastSavedAt(settings.Simulation.Venues);
        var venues = store.Open(settings.Simulation, clock);
        if (savedAt is { } at)
        {
            foreach (var venue in venues)
            {
                ExchangeLog.Restored(log, venue.Id.Value, at);
            }
        }

        var saver = new VenueStateSaver(venues, store, settings.SaveInterval, clock, (venue, failure) => ExchangeLog.SaveFailed(log, failure, venue.Value));
        ExchangeServer server;
        try
        {
            var byName = venues.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);
            server = await ExchangeServer.StartAsync(
                settings.Serve.Select(s => (new ServedVenue(byName[s.Venue], settings.Account, clock), s.Protocol, s.Port)), loggerFactory, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            await saver.DisposeAsync().ConfigureAwait(false);
            foreach (var venue in venues)
            {
                venue.Dispose();
            }

            throw;
        }

        foreach (var endpoint in server.Endpoints)
        {
            ExchangeLog.Serving(log, endpoint.Name, endpoint.Protocol, endpoint.RestUrl, endpoint.WebSocketUrl);
            await output.WriteLineAsync(endpoint.ToStartLine()).ConfigureAwait(false);
        }

        await output.WriteLineAsync(ReadyLine).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        ExchangeLog.Ready(log, server.Endpoints.Count, settings.Account, settings.VenueDirectory);
        return new ExchangeHost(settings, venues, saver, server, log);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync().ConfigureAwait(false);
        await _saver.DisposeAsync().ConfigureAwait(false);
        _saver.SaveAll();
        foreach (var venue in Venues)
        {
            venue.Dispose();
        }

        ExchangeLog.Stopped(_log, _settings.VenueDirectory);
    }
}
