namespace FundingArb.Trading.Instruments;

/// Why a price or size breaks a venue's trading rules, with the number that broke it and the one required.
public sealed record RuleViolation(RuleViolationKind Kind, decimal Actual, decimal Required, string Message);
