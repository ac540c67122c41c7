namespace FundingArb.Exchange.Binance;

// Binance counts request weight per IP in fixed one-minute windows (2400 per minute on USD-M) and reports the
// total so far in X-MBX-USED-WEIGHT-1M. One client is served, so one window: guarded by one lock.

/// The request weight used in the current minute, and whether a request still fits.
internal sealed class BinanceWeightWindow(TimeProvider clock, int limitPerMinute)
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private int _used;

    /// Counts the request and returns the minute's total; over the limit the request is refused with the wait until the next minute.
    public int Spend(int weight, out TimeSpan? retryAfter)
    {
        var now = clock.GetUtcNow();
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        lock (_gate)
        {
            if (minute != _minute)
            {
                (_minute, _used) = (minute, 0);
            }

            _used += weight;
            retryAfter = _used > limitPerMinute ? DateTimeOffset.FromUnixTimeMilliseconds((minute + 1) * 60_000) - now : null;
            return _used;
        }
    }
}
