namespace FundingArb.Actors.Risk;

public sealed record KillSwitchEngaged(string Reason, bool CloseAll, DateTimeOffset At);

public sealed record KillSwitchReleased(DateTimeOffset At);
