using Microsoft.Extensions.Configuration;

namespace FundingArb.Node.Tests.Configuration;

public sealed record TestVenueOptions
{
    public string Name { get; init; } = "";

    [ConfigurationKeyName("taker-fee")]
    public decimal TakerFee { get; init; }
}
