namespace FundingArb.Node.Time;

// Demo speed: the node's markets, funding and actor timers all run on this one provider, so a faster clock keeps
// every ratio (an 8 h funding interval still spans 480 one-minute scans), only sooner. Timers are the underlying
// provider's timers with their periods divided by the speed.

/// A clock that starts at a given instant and runs Speed times faster than the underlying one.
public sealed class ScaledTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _origin;
    private readonly long _originTimestamp;

    public ScaledTimeProvider(TimeProvider inner, DateTimeOffset origin, double speed)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!(speed > 0) || !double.IsFinite(speed))
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The speed must be a finite number above zero.");
        }

        _inner = inner;
        _origin = origin;
        Speed = speed;
        _originTimestamp = inner.GetTimestamp();
    }

    public double Speed { get; }

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => _origin + TimeSpan.FromTicks((long)(_inner.GetElapsedTime(_originTimestamp).Ticks * Speed));

    public override long GetTimestamp() => _originTimestamp + (long)((_inner.GetTimestamp() - _originTimestamp) * Speed);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new ScaledTimer(_inner.CreateTimer(callback, state, Scale(dueTime), Scale(period)), this);

    private TimeSpan Scale(TimeSpan span) =>
        span == Timeout.InfiniteTimeSpan || span <= TimeSpan.Zero ? span : TimeSpan.FromTicks(Math.Max(1L, (long)(span.Ticks / Speed)));

    private sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.Scale(dueTime), clock.Scale(period));

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
