namespace FundingArb.Venues.Scenarios;

/// A console command the scenario runner issues at At (`actions = [{ at, command }]`).
public sealed record ScenarioAction(DateTimeOffset At, string Command);
