namespace FundingArb.Venues.Binance;

// A signed request's timestamp must lie within recvWindow of Binance's clock, not ours: the offset is read from
// /fapi/v1/time (half the round trip counted) before the first signed request and again after any -1021.
// Written by whichever request syncs; readers see either the old or the new offset, both usable.

/// The connector's estimate of the venue's clock.
internal sealed class BinanceClock(TimeProvider time)
{
    private long _offsetMs;
    private int _synced;

    public bool IsSynced => Volatile.Read(ref _synced) == 1;

    public long NowMs => time.GetUtcNow().ToUnixTimeMilliseconds() + Interlocked.Read(ref _offsetMs);

    public DateTimeOffset LocalNow => time.GetUtcNow();

    public void Sync(long sentMs, long serverMs, long receivedMs)
    {
        Interlocked.Exchange(ref _offsetMs, serverMs - ((sentMs + receivedMs) / 2));
        Volatile.Write(ref _synced, 1);
    }

    public void Invalidate() => Volatile.Write(ref _synced, 0);
}
