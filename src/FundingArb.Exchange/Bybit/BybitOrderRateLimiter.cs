namespace FundingArb.Exchange.Bybit;

// Bybit counts order/create, amend and cancel per UID in one-second windows (10/s on linear by default). Requests run
// on Kestrel's threads, so the window is shared state: one lock guards both fields.

/// The per-UID limit on the order endpoints.
internal sealed class BybitOrderRateLimiter(int perSecond, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _windowEnd;
    private int _used;

    public BybitRateWindow Take()
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (now >= _windowEnd)
            {
                _windowEnd = now.AddSeconds(1);
                _used = 0;
            }

            var allowed = _used < perSecond;
            if (allowed)
            {
                _used++;
            }

            return new BybitRateWindow(allowed, perSecond, perSecond - _used, _windowEnd);
        }
    }
}
