namespace FundingArb.Actors.Markets;

/// How often market data is refreshed and how deep the books are (`fundingarb.actors.market-data`).
public sealed record MarketDataSettings
{
    /// How often a market somebody subscribed to (an open pair, the dashboard) is fetched.
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// How often a market nobody subscribed to is fetched: only the controller reads those, once per scan (the node
    /// shortens it to the scan interval when that is shorter).
    public TimeSpan IdleRefreshInterval { get; init; } = TimeSpan.FromMinutes(1);

    public int BookDepth { get; init; } = 10;

    public static MarketDataSettings Default { get; } = new();
}
