namespace FundingArb.Venues.Simulation.Faults;

/// A failure scheduled on one venue, in the ways real venues fail. A fault with a count acts on the next Count
/// matching requests that reach the venue at or after At; a fault with a duration holds from At (inclusive) to
/// At + Duration (exclusive).
public abstract record VenueFault
{
    private protected VenueFault(DateTimeOffset at) => At = at;

    public DateTimeOffset At { get; }

    internal virtual int InitialCount => 0;

    private protected static void RequireCount(int count) => ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count, nameof(count));

    private protected static void RequireDuration(TimeSpan duration, string name) =>
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero, name);
}
