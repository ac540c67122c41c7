namespace FundingArb.Venues.Wire;

// The offset is read and written from concurrent requests; a long is written atomically with Volatile.

/// The venue's time as a connector estimates it (Bybit, OKX): the local clock plus the offset last measured from the
/// venue's time endpoint.
internal sealed class VenueClock(TimeProvider time)
{
    private long _offsetTicks;
    private int _synchronised;

    public bool IsSynchronised => Volatile.Read(ref _synchronised) == 1;

    public DateTimeOffset Now => time.GetUtcNow().AddTicks(Volatile.Read(ref _offsetTicks));

    public DateTimeOffset LocalNow => time.GetUtcNow();

    /// The server's time is taken as of the middle of the round trip.
    public void Synchronise(DateTimeOffset sentAt, DateTimeOffset serverTime, DateTimeOffset receivedAt)
    {
        var midpoint = sentAt + ((receivedAt - sentAt) / 2);
        Volatile.Write(ref _offsetTicks, (serverTime - midpoint).Ticks);
        Volatile.Write(ref _synchronised, 1);
    }
}
