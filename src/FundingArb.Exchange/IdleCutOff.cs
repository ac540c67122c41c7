namespace FundingArb.Exchange;

// Bybit and OKX end a private WebSocket that has been silent too long (Bybit: 10 minutes without a ping or a push, or the
// client's max_active_time; OKX: 30 s), which ends its login with it. Every message either way restarts the count, on the
// served venue's clock. The timer's callback may race Dispose; a late one finds the source disposed and does nothing.

/// Cancels Idle once a session has carried no message for its limit; never, without a limit.
internal sealed class IdleCutOff : IDisposable
{
    private readonly CancellationTokenSource _idle = new();
    private readonly ITimer? _timer;
    private readonly TimeSpan _limit;

    public IdleCutOff(TimeProvider clock, TimeSpan? limit)
    {
        if (limit is { } span)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(span, TimeSpan.Zero, nameof(limit));
            _limit = span;
            _timer = clock.CreateTimer(static state => ((IdleCutOff)state!).CutOff(), this, span, Timeout.InfiniteTimeSpan);
        }
    }

    public CancellationToken Idle => _idle.Token;

    /// A message went in or out: the session has its whole limit again.
    public void Heard() => _timer?.Change(_limit, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _timer?.Dispose();
        _idle.Dispose();
    }

    private void CutOff()
    {
        try
        {
            _idle.Cancel();
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
