namespace FundingArb.Actors.Markets;

/// How often market data is refreshed and how deep the books are (`fundingarb.actors.market-data`).
public sealed record MarketDataSettings
{
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    public int BookDepth { get; init; } = 10;

    public static MarketDataSettings Default { get; } = new();
}
