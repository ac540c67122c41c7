using System.Collections.Immutable;
using System.Text.Json;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Wire;
using static FundingArb.Venues.Binance.BinanceJson;


namespace FundingArb.Venues.Binance;

/// Reads Binance's market-data answers and stream events into the venue-neutral records.
internal static class BinanceMarketParser
{
    public static readonly TimeSpan DefaultFundingInterval = TimeSpan.FromHours(8);

    /// The perpetuals only; a symbol not TRADING is listed as not tradable.
    public static ImmutableArray<Instrument> Instruments(VenueId venue, JsonElement exchangeInfo) =>
    [
        .. exchangeInfo.GetProperty("symbols").EnumerateArray()
            .Where(s => String(s, "contractType") == "PERPETUAL")
            .Select(s => Instrument(venue, s)),
    ];

    public static FundingInfo Funding(VenueId venue, JsonElement premiumIndex, TimeSpan interval)
    {
        var rate = Decimal(premiumIndex, "lastFundingRate");
        return new FundingInfo(venue, new Symbol(String(premiumIndex, "symbol")), new FundingRate(rate, interval), rate,
            Time(premiumIndex, "nextFundingTime"), Decimal(premiumIndex, "markPrice"), Decimal(premiumIndex, "indexPrice"), PriceBasis.Mark,
            Time(premiumIndex, "time"));
    }

    public static MarkPrice Mark(VenueId venue, JsonElement premiumIndex) =>
        new(venue, new Symbol(String(premiumIndex, "symbol")), Decimal(premiumIndex, "markPrice"), Decimal(premiumIndex, "indexPrice"), Time(premiumIndex, "time"));

    /// fundingInfo lists only the symbols off the default 8 h.
    public static ImmutableDictionary<Symbol, TimeSpan> FundingIntervals(JsonElement fundingInfo) =>
        fundingInfo.EnumerateArray().ToImmutableDictionary(r => new Symbol(String(r, "symbol")), r => TimeSpan.FromHours(Long(r, "fundingIntervalHours")));

    public static OrderBookSnapshot Book(VenueId venue, Symbol symbol, JsonElement depth, int levels) =>
        new(venue, symbol, JsonBookLevels.Read(depth.GetProperty("bids"), levels), JsonBookLevels.Read(depth.GetProperty("asks"), levels), Long(depth, "lastUpdateId"), Time(depth, "E"));

    public static OrderBookSnapshot BookUpdate(VenueId venue, JsonElement update, int levels) =>
        new(venue, new Symbol(String(update, "s")), JsonBookLevels.Read(update.GetProperty("b"), levels), JsonBookLevels.Read(update.GetProperty("a"), levels), Long(update, "u"),
            Time(update, "E"));

    private static Instrument Instrument(VenueId venue, JsonElement symbol)
    {
        var filters = symbol.GetProperty("filters").EnumerateArray().ToDictionary(f => String(f, "filterType"), StringComparer.Ordinal);
        var price = filters["PRICE_FILTER"];
        var lot = filters["LOT_SIZE"];
        var band = filters.TryGetValue("PERCENT_PRICE", out var percent) ? Decimal(percent, "multiplierUp") - 1m : TradingRules.DefaultPriceBand;
        var rules = new TradingRules(Decimal(price, "tickSize"), Decimal(lot, "stepSize"), Decimal(lot, "minQty"),
            filters.TryGetValue("MIN_NOTIONAL", out var notional) ? Decimal(notional, "notional") : 0m, priceBand: band);
        return new Instrument(venue, new Symbol(String(symbol, "symbol")), new Asset(String(symbol, "baseAsset")), new Asset(String(symbol, "quoteAsset")),
            rules, InstrumentKind.Perpetual, String(symbol, "status") == "TRADING");
    }
}
