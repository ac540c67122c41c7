namespace FundingArb.Kernel.Configuration;

/// The argument of one include statement.
internal sealed record HoconIncludeTarget(string Name, HoconIncludeKind Kind, bool Required, HoconOrigin Origin);
