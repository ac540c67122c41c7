using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Wire;

// Connecting starts when the stream is created (IVenue: streams subscribe on call); Subscribed completes once the venue
// confirmed the subscription, and a caller that must not miss an event produced right after the call awaits it. The
// stream ends without error when its token is cancelled or its reader stops; any other end (the venue closed or dropped
// the socket) raises VenueUnavailableException after the items already received, and a VenueException the run raises
// (refused credentials: AuthenticationFailedException) is raised as it is.

/// One venue WebSocket subscription (Bybit, OKX) as an async stream, enumerated once: run fills it, the reader drains it.
public sealed class WebSocketSubscription<T> : IAsyncEnumerable<T>
{
    private readonly Channel<T> _channel;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _enumerated;

    internal WebSocketSubscription(VenueId venue, Channel<T> channel, Func<WebSocketSubscription<T>, CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        _channel = channel;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = RunAsync(venue, run);
    }

    /// Completes when the venue confirmed the subscription; faults as the stream would if it never got that far.
    public Task Subscribed => _subscribed.Task;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A venue stream can be enumerated once; subscribe again for another reader.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token, cancellationToken);
        try
        {
            while (await WaitAsync(linked.Token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    internal bool TryWrite(T item) => _channel.Writer.TryWrite(item);

    internal void MarkSubscribed() => _subscribed.TrySetResult();

    // Cancellation ends the stream quietly; the channel's own failure is rethrown to the reader.
    private async ValueTask<bool> WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task RunAsync(VenueId venue, Func<WebSocketSubscription<T>, CancellationToken, Task> run)
    {
        Exception error;
        try
        {
            await run(this, _stop.Token).ConfigureAwait(false);
            error = new VenueUnavailableException(venue);
        }
        catch (Exception stopped) when (_stop.IsCancellationRequested && stopped is OperationCanceledException or WebSocketException)
        {
            _subscribed.TrySetCanceled(_stop.Token);
            _channel.Writer.TryComplete();
            return;
        }
        catch (VenueException refused)
        {
            error = refused;
        }
        catch (Exception dropped) when (dropped is WebSocketException or JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            error = new VenueUnavailableException(venue);
        }

        _subscribed.TrySetException(error);
        _channel.Writer.TryComplete(error);
    }
}
