namespace FundingArb.Venues.Binance;

// Binance counts weight per IP in fixed one-minute windows. The limiter spends its own count first and then trusts
// the venue's X-MBX-USED-WEIGHT-1M, which also counts other clients on the same IP. A full minute is waited out
// (seconds at most); after a 429 or a 418 nothing is sent until Retry-After has passed, and a request in that time
// is refused at once, so the caller decides (Binance bans an IP that keeps sending after a 429). Shared by every
// request of one connector: one lock guards the three fields.

/// A client-side budget of Binance request weight per minute, with the venue's back-off.
internal sealed class BinanceWeightLimiter(TimeProvider time, int limitPerMinute)
{
    private readonly Lock _gate = new();
    private long _minute = -1;
    private int _used;
    private DateTimeOffset _blockedUntil = DateTimeOffset.MinValue;

    /// What is left of the venue's back-off, or null when requests may be sent.
    public TimeSpan? BackOffRemaining()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return _blockedUntil > now ? _blockedUntil - now : null;
        }
    }

    /// Waits, on the connector's clock, until the weight fits the minute; then spends it.
    public async ValueTask AcquireAsync(int weight, CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                Roll(now);
                if (_used + weight <= limitPerMinute || _used == 0)
                {
                    _used += weight;
                    return;
                }

                wait = DateTimeOffset.FromUnixTimeMilliseconds((_minute + 1) * 60_000) - now;
            }

            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// The venue's own count for the current minute, which may be above ours.
    public void Observe(int usedWeight)
    {
        lock (_gate)
        {
            Roll(time.GetUtcNow());
            _used = Math.Max(_used, usedWeight);
        }
    }

    public void BackOff(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = time.GetUtcNow() + retryAfter;
            _blockedUntil = until > _blockedUntil ? until : _blockedUntil;
        }
    }

    private void Roll(DateTimeOffset now)
    {
        var minute = now.ToUnixTimeMilliseconds() / 60_000;
        if (minute != _minute)
        {
            (_minute, _used) = (minute, 0);
        }
    }
}
