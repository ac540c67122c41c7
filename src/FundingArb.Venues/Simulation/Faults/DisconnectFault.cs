namespace FundingArb.Venues.Simulation.Faults;

/// The connection is down for Duration (`disconnect`): requests fail with VenueUnavailableException, streams end
/// with it and cannot be reopened, answers on their way are lost. The venue keeps matching; stream events of the
/// outage are not replayed.
public sealed record DisconnectFault : VenueFault
{
    public DisconnectFault(DateTimeOffset at, TimeSpan duration)
        : base(at)
    {
        RequireDuration(duration, nameof(duration));
        Duration = duration;
    }

    public TimeSpan Duration { get; }
}
