namespace FundingArb.Benchmarks.Quick;

/// One reported figure. Ratio is against a baseline measured in the same run; Target states the
/// figure the project aims for, so a reader sees at once whether it is met.
internal sealed record QuickFigure(string Name, double Value, string Unit, double? Ratio = null, string? Target = null);
