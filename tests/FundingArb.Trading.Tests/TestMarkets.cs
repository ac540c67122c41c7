using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Tests;

internal static class TestMarkets
{
    public static readonly VenueId Binance = new("binance");
    public static readonly VenueId Hyperliquid = new("hyperliquid");
    public static readonly VenueId Bybit = new("bybit");
    public static readonly Asset Btc = new("BTC");
    public static readonly Asset Usdt = new("USDT");
    public static readonly Asset Bnb = new("BNB");

    public static readonly TradingRules BinanceRules = new(tickSize: 0.1m, stepSize: 0.001m, minSize: 0.001m, minNotional: 5m);

    public static readonly Instrument BtcBinance = new(Binance, new Symbol("BTCUSDT"), Btc, Usdt, BinanceRules);

    public static readonly Instrument BtcHyperliquid = new(Hyperliquid, new Symbol("BTC"), Btc, Usdt,
        new TradingRules(tickSize: 1m, stepSize: 0.00001m, minSize: 0.00001m, minNotional: 10m));

    public static readonly DateTimeOffset T0 = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static readonly ClientOrderId OrderId = new("order-1");

    public static Money Usd(decimal amount) => new(amount, Usdt);

    public static OrderRequest LimitBuy(decimal quantity = 1m, decimal price = 100m) =>
        OrderRequest.Limit(OrderId, BtcBinance, OrderSide.Buy, quantity, price);

    public static Fill Fill(string tradeId, decimal quantity, decimal price = 100m, OrderSide side = OrderSide.Buy,
        decimal fee = 0m, LiquidityRole role = LiquidityRole.Taker) =>
        new(tradeId, OrderId, side, price, quantity, Usd(fee), role, T0);
}
