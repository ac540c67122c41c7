namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>An event type the test registry does not know: SQL journals reject it.</summary>
public sealed record NotRegistered(int Value);
