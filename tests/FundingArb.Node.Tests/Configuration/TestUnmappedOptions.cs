namespace FundingArb.Node.Tests.Configuration;

/// The same setting without ConfigurationKeyName, to pin down that kebab-case keys do not bind by name.
public sealed record TestUnmappedOptions
{
    public decimal MaxNotional { get; init; }
}
