using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

// The user stream is the account's own: it never drops, since it crosses no network. The account watches the venue's
// book stream of every market where a paper order rests, for as long as the venue lives, and opens it again after a
// drop; while it is down resting orders do not fill, as they would not be seen to.

public sealed partial class PaperVenue
{
    private readonly List<VenueSubscription<UserEvent>> _userSubscriptions = [];
    private readonly Dictionary<Symbol, TaskCompletionSource> _watched = [];
    private long _eventSequence;

    public IAsyncEnumerable<UserEvent> StreamUserEventsAsync(CancellationToken cancellationToken)
    {
        var subscription = new VenueSubscription<UserEvent>(
            Channel.CreateUnbounded<UserEvent>(new UnboundedChannelOptions { SingleReader = true }),
            Unsubscribe, cancellationToken);
        lock (_gate)
        {
            if (_disposed)
            {
                subscription.Fail(new ObjectDisposedException(nameof(PaperVenue)));
            }
            else if (!cancellationToken.IsCancellationRequested)
            {
                _userSubscriptions.Add(subscription);
            }
        }

        return subscription;
    }

    private long NextEventSequence() => ++_eventSequence;

    private void Emit(UserEvent userEvent)
    {
        foreach (var subscription in _userSubscriptions)
        {
            subscription.TryWrite(userEvent);
        }
    }

    // A failure that is not the venue's (a book or a report the account cannot take): its readers hear it, so that it is
    // logged and the orders are read back, rather than the account quietly no longer matching or settling.
    private void FailUserStreams(Exception failure)
    {
        lock (_gate)
        {
            foreach (var subscription in _userSubscriptions)
            {
                subscription.Fail(failure);
            }

            _userSubscriptions.Clear();
        }
    }

    private void Unsubscribe(VenueSubscription<UserEvent> subscription)
    {
        lock (_gate)
        {
            _userSubscriptions.Remove(subscription);
        }
    }

    /// Completes once the venue's book stream of the market has delivered a book: resting orders there are being matched.
    internal Task BookStreamLive(Symbol symbol)
    {
        lock (_gate)
        {
            return _watched.TryGetValue(symbol, out var live) ? live.Task : throw new InvalidOperationException($"{symbol} is not watched.");
        }
    }

    /// Starts watching the venue's book of the market unless it is watched already. Under the lock.
    private void WatchBook(Symbol symbol)
    {
        if (!_disposed && !_watched.ContainsKey(symbol))
        {
            var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _watched.Add(symbol, live);
            _ = WatchBookAsync(symbol, live, _stop.Token);
        }
    }

    private async Task WatchBookAsync(Symbol symbol, TaskCompletionSource live, CancellationToken stop)
    {
        await Task.Yield();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await foreach (var book in _market.StreamOrderBookAsync(symbol, _settings.StreamDepth, stop).ConfigureAwait(false))
                {
                    ObserveBook(book);
                    live.TrySetResult();
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (VenueException)
            {
                // The stream dropped: open it again after the delay.
            }
            catch (Exception unexpected)
            {
                FailUserStreams(unexpected);
            }

            try
            {
                await Task.Delay(_settings.ResubscribeDelay, _time, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
