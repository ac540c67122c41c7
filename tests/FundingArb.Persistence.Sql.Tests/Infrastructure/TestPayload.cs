namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>A record payload with a decimal amount, so a round trip checks the JSON keeps exact money.</summary>
public sealed record TestPayload(string Text, decimal Amount);
