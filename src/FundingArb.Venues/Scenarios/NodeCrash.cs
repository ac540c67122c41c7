namespace FundingArb.Venues.Scenarios;

/// A `crash-and-restart` fault: the node dies at At and starts again from its journal Down later, while the venues
/// run on (settling funding, filling what was resting) as they would in a real outage.
public sealed record NodeCrash(DateTimeOffset At, TimeSpan Down);
