namespace FundingArb.Actors.Simulation;

/// The net position of each asset across venues, valued at mid: the most it reached, the longest stretch it stayed
/// non-zero, and what is left at the end.
public sealed record UnhedgedExposure(decimal MaxQuote, TimeSpan MaxDuration, decimal AtEndQuote);
