using System.Collections.Immutable;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation.State;

// A real exchange never forgets an order our journal refers to, so the simulated ones save as soon as anything
// happens on their user stream (an order, a fill, a funding payment), plus on an interval for the markets' own
// movement. Stream readers may not call back into the venue (they run on its thread), so each event only signals
// a saver task of that venue; signals that arrive while it saves collapse into one more save.

/// Keeps the saved state of simulated venues current.
public sealed class VenueStateSaver : IAsyncDisposable
{
    private static readonly TimeSpan s_resubscribeDelay = TimeSpan.FromMilliseconds(200);
    private readonly ImmutableArray<SimulatedVenue> _venues;
    private readonly VenueStateStore _store;
    private readonly TimeProvider _clock;
    private readonly Action<VenueId, Exception> _saveFailed;
    private readonly Channel<bool>[] _signals;
    private readonly Dictionary<VenueId, object> _writing;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _tasks = [];
    private readonly ITimer _timer;

    /// clock: wall-clock time for the interval (the venues' own clock may run faster); saveFailed hears each save that
    /// failed (the saver goes on and tries again at the next signal).
    public VenueStateSaver(ImmutableArray<SimulatedVenue> venues, VenueStateStore store, TimeSpan interval, TimeProvider clock,
        Action<VenueId, Exception> saveFailed)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(saveFailed);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _venues = venues;
        _store = store;
        _clock = clock;
        _saveFailed = saveFailed;
        _writing = venues.ToDictionary(v => v.Id, _ => new object());
        _signals = [.. venues.Select(_ => Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite }))];
        for (var i = 0; i < venues.Length; i++)
        {
            _tasks.Add(WatchAsync(venues[i], _signals[i].Writer));
            _tasks.Add(SaveOnSignalAsync(venues[i], _signals[i].Reader));
        }

        _timer = clock.CreateTimer(_ => SignalAll(), null, interval, interval);
    }

    /// Saves the venue now, on the caller's thread, between the saves of its own task.
    public void SaveNow(SimulatedVenue venue)
    {
        ArgumentNullException.ThrowIfNull(venue);
        Save(venue);
    }

    /// Saves every venue now, on the caller's thread (shutdown, once the venues' clients have stopped).
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
                await Task.Delay(s_resubscribeDelay, _clock, _stop.Token).ConfigureAwait(false);
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
            // One writer per venue at a time: saves share the venue's temporary file.
            lock (_writing[venue.Id])
            {
                _store.Save(venue);
            }
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _saveFailed(venue.Id, failure);
        }
    }
}
