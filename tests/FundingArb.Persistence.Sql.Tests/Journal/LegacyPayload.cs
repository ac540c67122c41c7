namespace FundingArb.Persistence.Sql.Tests.Journal;

/// <summary>An old shape of <see cref="Infrastructure.TestPayload"/>, before it had an amount.</summary>
public sealed record LegacyPayload(string Text);
