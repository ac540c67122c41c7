namespace FundingArb.Exchange;

/// Every protocol the exchange can serve, by the name its config uses.
public static class ExchangeProtocols
{
    private static readonly IVenueProtocol[] s_all =
    [
        new Binance.BinanceUsdmProtocol(),
        new Bybit.BybitV5Protocol(),
        new Okx.OkxV5Protocol(),
    ];

    public static IReadOnlyList<IVenueProtocol> All => s_all;

    /// Null when no protocol has the name.
    public static IVenueProtocol? Find(string name) => s_all.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));
}
