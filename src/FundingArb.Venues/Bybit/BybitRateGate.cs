namespace FundingArb.Venues.Bybit;

// Shared by every request of one connector: _gate guards the window of order-request send times and the backoff
// deadline. A caller computes its wait under the lock and waits outside it.

/// The client's side of Bybit's limits: order endpoints paced to N per second, and every request held back until a
/// 10006 or 403 window the venue announced has passed.
internal sealed class BybitRateGate(int ordersPerSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _recentOrders = new();
    private DateTimeOffset _backoffUntil;

    public async ValueTask WaitAsync(bool orderEndpoint, CancellationToken cancellationToken)
    {
        while (true)
        {
            var wait = Reserve(orderEndpoint);
            if (wait <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// The venue said to stop until then (a 10006's X-Bapi-Limit-Reset-Timestamp, or a 403's one-second ban window).
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
    private TimeSpan Reserve(bool orderEndpoint)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (_backoffUntil > now)
            {
                return _backoffUntil - now;
            }

            if (!orderEndpoint)
            {
                return TimeSpan.Zero;
            }

            while (_recentOrders.Count > 0 && _recentOrders.Peek() <= now.AddSeconds(-1))
            {
                _recentOrders.Dequeue();
            }

            if (_recentOrders.Count >= ordersPerSecond)
            {
                return _recentOrders.Peek().AddSeconds(1) - now;
            }

            _recentOrders.Enqueue(now);
            return TimeSpan.Zero;
        }
    }
}
