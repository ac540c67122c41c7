using System.Net.WebSockets;

namespace FundingArb.Venues.Binance;

// IVenue streams subscribe when called: the connection starts then, and the venue buffers what it sends until the
// reader enumerates. Connected tells a caller when the venue has accepted the connection, the instant from which
// nothing it publishes is missed. One enumeration per subscription; the socket closes when it ends.

/// A Binance stream whose connection was started by the call that created it.
public sealed class BinanceSubscription<T> : IAsyncEnumerable<T>
{
    private readonly Task<WebSocket> _connecting;
    private readonly Func<WebSocket, CancellationToken, IAsyncEnumerable<T>> _read;
    private readonly CancellationToken _subscriptionToken;

    internal BinanceSubscription(Task<WebSocket> connecting, Func<WebSocket, CancellationToken, IAsyncEnumerable<T>> read, CancellationToken cancellationToken)
    {
        _connecting = connecting;
        _read = read;
        _subscriptionToken = cancellationToken;
    }

    /// Completes once the venue accepted the connection; faults with VenueUnavailableException if it could not.
    public Task Connected => _connecting;

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_subscriptionToken, cancellationToken);
        using var socket = await _connecting.WaitAsync(linked.Token).ConfigureAwait(false);
        await foreach (var item in _read(socket, linked.Token).ConfigureAwait(false))
        {
            yield return item;
        }
    }
}
