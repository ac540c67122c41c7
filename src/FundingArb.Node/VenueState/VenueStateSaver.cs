using System.Collections.Immutable;
using System.Threading.Channels;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.VenueState;

// A real exchange never forgets an order our journal refers to, so the simulated ones save as soon as anything
// happens on their user stream (an order, a fill, a funding payment), plus on an interval for the markets' own
// movement. Stream readers may not call back into the venue (they run on its thread), so each event only signals
// a saver task of that venue; signals that arrive while it saves collapse into one more save.

/// Keeps the saved state of the node's simulated venues current.
public sealed class VenueStateSaver : IAsyncDisposable
{
    private static readonly TimeSpan s_resubscribeDelay = TimeSpan.FromMilliseconds(200);
    private readonly ImmutableArray<SimulatedVenue> _venues;
    private readonly VenueStateStore _store;
    private readonly Serilog.ILogger _log;
    private readonly Channel<bool>[] _signals;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly ITimer _timer;

    public VenueStateSaver(ImmutableArray<SimulatedVenue> venues, VenueStateStore store, TimeSpan interval, Serilog.ILogger log)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(log);
        _venues = venues;
        _store = store;
        _log = log;
        _signals = [.. venues.Select(_ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))];
        for (var i = 0; i < venues.Length; i++)
        {
            _tasks.Add(WatchAsync(venues[i], _signals[i].Writer));
            _tasks.Add(SaveOnSignalAsync(venues[i], _signals[i].Reader));
        }

        _timer = TimeProvider.System.CreateTimer(_ => SignalAll(), null, interval, interval);
    }

    /// Saves every venue now, on the caller's thread (shutdown, once the actors have stopped).
    public void SaveAll()
    {
        foreach (var venue in _venues)
        {
            Save(venue);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _timer.DisposeAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        foreach (var signal in _signals)
        {
            signal.Writer.TryComplete();
        }

        await Task.WhenAll(_tasks).ConfigureAwait(false);
        _stop.Dispose();
    }

    private void SignalAll()
    {
        foreach (var signal in _signals)
        {
            signal.Writer.TryWrite(true);
        }
    }

    private async Task WatchAsync(SimulatedVenue venue, ChannelWriter<bool> signal)
    {
        await Task.Yield();
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var _ in venue.StreamUserEventsAsync(_stop.Token).ConfigureAwait(false))
                {
                    signal.TryWrite(true);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (VenueException)
            {
                // Disconnected (a scheduled fault): the state changes no less, so keep saving on the interval and listen again.
            }

            try
            {
                await Task.Delay(s_resubscribeDelay, TimeProvider.System, _stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task SaveOnSignalAsync(SimulatedVenue venue, ChannelReader<bool> signals)
    {
        await foreach (var _ in signals.ReadAllAsync().ConfigureAwait(false))
        {
            Save(venue);
        }
    }

    private void Save(SimulatedVenue venue)
    {
        try
        {
            _store.Save(venue);
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _log.Error(failure, "Saving the state of venue {Venue} failed", venue.Id.Value);
        }
    }
}
