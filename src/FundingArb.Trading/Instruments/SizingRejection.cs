namespace FundingArb.Trading.Instruments;

/// Why no equal size fits both legs: Actual is what the budget allows, Required what the stricter venue needs.
public sealed record SizingRejection(SizingRejectionReason Reason, decimal Actual, decimal Required, string Message);
