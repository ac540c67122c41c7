using System.Collections.Immutable;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FundingArb.Exchange.Hosting;

// Start: the data folder's lock (two exchanges saving the same venues would overwrite each other's state), the venues
// (restored from the data folder when they were saved there), the saver, then one server per venue; the start lines
// are written once every venue listens, so a reader of `ready` can connect to all of them. Stop, in reverse: the
// servers (no more requests), then a last save of every venue, then the venues and the lock.

/// `fundingarb exchange` without its process: the configured venues, their saved state and their servers.
public sealed class ExchangeHost : IAsyncDisposable
{
    public const string ReadyLine = "ready";

    private readonly ExchangeSettings _settings;
    private readonly VenueStateSaver _saver;
    private readonly ExchangeServer _server;
    private readonly ILogger _log;
    private readonly FileStream _dataLock;

    private ExchangeHost(ExchangeSettings settings, FileStream dataLock, ImmutableArray<SimulatedVenue> venues, VenueStateSaver saver, ExchangeServer server,
        ILogger log)
    {
        _settings = settings;
        _dataLock = dataLock;
        Venues = venues;
        _saver = saver;
        _server = server;
        _log = log;
    }

    public ImmutableArray<SimulatedVenue> Venues { get; }

    public IReadOnlyList<VenueEndpoint> Endpoints => _server.Endpoints;

    /// Starts every served venue on clock and writes `venue NAME PROTOCOL REST-URL WS-URL` for each, then `ready`, to output.
    /// <exception cref="IOException">The data folder is in use by another exchange, or a port is taken.</exception>
    /// <exception cref="InvalidDataException">A venue's saved state cannot be read or no longer fits its configuration.</exception>
    public static async Task<ExchangeHost> StartAsync(ExchangeSettings settings, TimeProvider clock, TextWriter output, ILoggerFactory? loggerFactory = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(output);
        cancellationToken.ThrowIfCancellationRequested();
        loggerFactory ??= NullLoggerFactory.Instance;
        var log = loggerFactory.CreateLogger<ExchangeHost>();
        var dataLock = LockDataDirectory(settings.DataDirectory);
        var venues = ImmutableArray<SimulatedVenue>.Empty;
        VenueStateSaver? saver = null;
        ExchangeServer server;
        try
        {
            var store = new VenueStateStore(settings.VenueDirectory);
            var savedAt = store.LastSavedAt(settings.Simulation.Venues);
            venues = store.Open(settings.Simulation, clock);
            if (savedAt is { } at)
            {
                ExchangeLog.Restored(log, settings.VenueDirectory, at);
            }

            saver = new VenueStateSaver(venues, store, settings.SaveInterval, clock, (venue, failure) => ExchangeLog.SaveFailed(log, failure, venue.Value));
            var byName = venues.ToDictionary(v => v.Id.Value, StringComparer.Ordinal);
            server = await ExchangeServer.StartAsync(
                settings.Serve.Select(s => (new ServedVenue(byName[s.Venue], settings.Account, clock) { Persist = () => saver.SaveNow(byName[s.Venue]) }, s.Protocol, s.Port)), settings.Host, loggerFactory, cancellationToken)
                .ConfigureAwait(false);
        }
        catch
        {
            if (saver is not null)
            {
                await saver.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var venue in venues)
            {
                venue.Dispose();
            }

            await dataLock.DisposeAsync().ConfigureAwait(false);
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
        return new ExchangeHost(settings, dataLock, venues, saver, server, log);
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
        await _dataLock.DisposeAsync().ConfigureAwait(false);
    }

    private static FileStream LockDataDirectory(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "exchange.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException busy)
        {
            throw new IOException($"{dataDirectory} is in use by another exchange (it holds {path}).", busy);
        }
    }
}
