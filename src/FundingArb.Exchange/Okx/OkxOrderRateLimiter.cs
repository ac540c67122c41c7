namespace FundingArb.Exchange.Okx;

// OKX counts place, cancel and amend per user and per instrument in two-second windows (60 per 2 s). Requests run on
// Kestrel's threads: each instrument's window is one entry, updated under _gate.

/// The order endpoints' limit, per instId.
internal sealed class OkxOrderRateLimiter(int perWindow, TimeSpan window, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (DateTimeOffset End, int Used)> _windows = new(StringComparer.Ordinal);

    /// True when the request fits this instrument's current window (and is counted), false when it is over the limit.
    public bool TryTake(string instId)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            var (end, used) = _windows.GetValueOrDefault(instId);
            if (now >= end)
            {
                (end, used) = (now + window, 0);
            }

            var allowed = used < perWindow;
            _windows[instId] = (end, allowed ? used + 1 : used);
            return allowed;
        }
    }
}
