namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>The state of a <see cref="LedgerActor"/>, and its snapshot.</summary>
public sealed record LedgerState(decimal Total, long Count, string Label);
