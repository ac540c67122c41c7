using FundingArb.Actors.Markets;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests;

/// Hand-made BTCUSDT quotes on alpha and beta for tests that drive an executor with probes as its venues: one level a
/// side, half a dollar from the mid, funding on an 8 h interval.
internal static class BtcQuotes
{
    public static readonly DateTimeOffset At = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    public static readonly VenueId Alpha = new("alpha");
    public static readonly VenueId Beta = new("beta");
    public static readonly Symbol BtcUsdt = new("BTCUSDT");

    public static MarketQuote Quote(VenueId venue, decimal mark, decimal mid, decimal rate) =>
        new(new Instrument(venue, BtcUsdt, new Asset("BTC"), new Asset("USDT"), new TradingRules(0.1m, 0.001m, 0.001m, 5m)),
            new FundingInfo(venue, BtcUsdt, new FundingRate(rate, TimeSpan.FromHours(8)), rate, At.AddHours(8), mark, mark, PriceBasis.Mark, At),
            Book(venue, mid));

    public static OrderBookSnapshot Book(VenueId venue, decimal mid) =>
        new(venue, BtcUsdt, [new BookLevel(mid - 0.5m, 10m)], [new BookLevel(mid + 0.5m, 10m)], 1, At);
}
