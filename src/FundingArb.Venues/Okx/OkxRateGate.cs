namespace FundingArb.Venues.Okx;

// Shared by every request of one connector: _gate guards the per-instrument windows of order send times and the
// backoff deadline. A caller computes its wait under the lock and waits outside it.

/// The client's side of OKX's limits: place and cancel paced to N per window per instrument, and every request held back
/// after a 50011 until the backoff has passed.
internal sealed class OkxRateGate(int perWindow, TimeSpan window, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _recentOrders = new(StringComparer.Ordinal);
    private DateTimeOffset _backoffUntil;

    /// instId names the instrument of an order request; null for any other request, which only the backoff holds.
    public async ValueTask WaitAsync(string? instId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = Reserve(instId);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void BackOffUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            if (until > _backoffUntil)
            {
                _backoffUntil = until;
            }
        }
    }

    // Zero when the caller may send now (its send is then counted); otherwise how long to wait before asking again.
    private TimeSpan Reserve(string? instId)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_backoffUntil > now)
            {
                return _backoffUntil - now;
            }

            if (instId is null)
            {
                return TimeSpan.Zero;
            }

            if (!_recentOrders.TryGetValue(instId, out var sent))
            {
                _recentOrders[instId] = sent = new Queue<DateTimeOffset>();
            }

            while (sent.Count > 0 && sent.Peek() <= now - window)
            {
                sent.Dequeue();
            }

            if (sent.Count >= perWindow)
            {
                return sent.Peek() + window - now;
            }

            sent.Enqueue(now);
            return TimeSpan.Zero;
        }
    }
}
