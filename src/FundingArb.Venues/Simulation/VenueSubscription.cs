using System.Threading.Channels;

namespace FundingArb.Venues.Simulation;

// Subscribed when created (the venue writes to it from then on), enumerated once. Cancelling the token given at
// subscription, or ending the enumeration, unsubscribes. A failure (the connection dropped) is raised after the
// items already delivered have been read.

/// One reader's stream of a venue's events, backed by a channel the venue writes to without waiting.
internal sealed class VenueSubscription<T> : IAsyncEnumerable<T>
{
    private readonly Channel<T> _channel;
    private readonly Action<VenueSubscription<T>> _unsubscribe;
    private readonly CancellationToken _token;
    private readonly CancellationTokenRegistration _registration;
    private int _enumerated;

    public VenueSubscription(Channel<T> channel, Action<VenueSubscription<T>> unsubscribe, CancellationToken token)
    {
        _channel = channel;
        _unsubscribe = unsubscribe;
        _token = token;
        _registration = token.Register(static state => ((VenueSubscription<T>)state!).Close(), this);
    }

    public bool TryWrite(T item) => _channel.Writer.TryWrite(item);

    public void Fail(Exception error) => _channel.Writer.TryComplete(error);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException("A venue stream can be enumerated once; subscribe again for another reader.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_token, cancellationToken);
        try
        {
            while (await _channel.Reader.WaitToReadAsync(linked.Token).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var item))
                {
                    yield return item;
                }
            }
        }
        finally
        {
            Close();
            await _registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    private void Close()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }
}
