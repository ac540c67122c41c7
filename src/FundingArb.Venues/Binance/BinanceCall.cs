using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Binance;

/// One REST request: its method and path, its parameters in the order they are sent, what it must carry, its
/// weight, and the order it concerns (so a refusal becomes the typed error naming that order).
internal sealed record BinanceCall(HttpMethod Method, string Path, IReadOnlyList<KeyValuePair<string, string>> Parameters, BinanceAuth Auth, int Weight)
{
    public ClientOrderId? ClientOrderId { get; init; }

    public OrderRequest? Order { get; init; }
}
