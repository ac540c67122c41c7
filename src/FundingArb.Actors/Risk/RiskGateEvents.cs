using FundingArb.Actors.Journaling;

namespace FundingArb.Actors.Risk;

public sealed record KillSwitchEngaged(string Reason, bool CloseAll, DateTimeOffset At) : IJournalEvent;

public sealed record KillSwitchReleased(DateTimeOffset At) : IJournalEvent;
