namespace FundingArb.Venues.Simulation.Faults;

/// Every request fails with RateLimitedException for Duration (`rate-limit`); RetryAfter says when it ends.
public sealed record RateLimitFault : VenueFault
{
    public RateLimitFault(DateTimeOffset at, TimeSpan duration)
        : base(at)
    {
        RequireDuration(duration, nameof(duration));
        Duration = duration;
    }

    public TimeSpan Duration { get; }
}
