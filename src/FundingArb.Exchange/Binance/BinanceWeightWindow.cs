namespace FundingArb.Exchange.Binance;

// Binance counts request weight per IP in fixed one-minute windows (2400 per minute on USD-M) and reports the
// total so far in X-MBX-USED-WEIGHT-1M. Over the limit it answers 429 with the wait; an IP that keeps sending before that
// wait is over is banned (HTTP 418), for 2 minutes at the first offence (Binance scales repeat bans up to 3 days; one
// ban length is enough for a client's back-off to be tested). One client is served, so one window: guarded by one lock.

/// The request weight used in the current minute, whether a request still fits, and the IP ban that follows a 429 ignored.
internal sealed class BinanceWeightWindow(TimeProvider clock, int limitPerMinute)
{
    public static readonly TimeSpan BanLength = TimeSpan.FromMinutes(2);

    private readonly Lock _gate = new();
    private long _minute = -1;
    private int _used;
    private DateTimeOffset _refusedUntil = DateTimeOffset.MinValue;
    private DateTimeOffset _bannedUntil = DateTimeOffset.MinValue;

    /// Counts the request and returns the minute's total. A request over the limit is refused with the wait until the
    /// next minute (429); one sent while that wait or a ban runs is refused as banned (418), with the ban's end.
    public int Spend(int weight, out TimeSpan? retryAfter, out bool banned)
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
            banned = now < _bannedUntil || now < _refusedUntil;
            if (banned)
            {
                _bannedUntil = _bannedUntil > now ? _bannedUntil : now + BanLength;
                retryAfter = _bannedUntil - now;
            }
            else if (_used > limitPerMinute)
            {
                _refusedUntil = DateTimeOffset.FromUnixTimeMilliseconds((minute + 1) * 60_000);
                retryAfter = _refusedUntil - now;
            }
            else
            {
                retryAfter = null;
            }

            return _used;
        }
    }
}
