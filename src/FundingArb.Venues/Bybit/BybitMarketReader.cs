using System.Globalization;
using System.Text.Json;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Bybit;

/// Bybit's market and account payloads as this library's types.
internal static class BybitMarketReader
{
    public static Instrument Instrument(VenueId venue, JsonElement item)
    {
        var price = item.GetProperty("priceFilter");
        var lot = item.GetProperty("lotSizeFilter");
        var rules = new TradingRules(BybitJson.Decimal(price, "tickSize"), BybitJson.Decimal(lot, "qtyStep"), BybitJson.Decimal(lot, "minOrderQty"),
            lot.TryGetProperty("minNotionalValue", out _) ? BybitJson.Decimal(lot, "minNotionalValue") : 0m);
        return new Instrument(venue, new Symbol(BybitJson.Text(item, "symbol")), new Asset(BybitJson.Text(item, "baseCoin")),
            new Asset(BybitJson.Text(item, "quoteCoin")), rules, InstrumentKind.Perpetual,
            string.Equals(BybitJson.Text(item, "status"), "Trading", StringComparison.Ordinal));
    }

    /// Bybit publishes no estimate beyond the live rate, so PredictedNextRate repeats it. The interval is read from
    /// the ticker every time: Bybit changes a symbol's interval at run time.
    public static FundingInfo Funding(VenueId venue, JsonElement ticker, DateTimeOffset at)
    {
        var hours = int.Parse(BybitJson.Text(ticker, "fundingIntervalHour"), NumberStyles.None, CultureInfo.InvariantCulture);
        var rate = BybitJson.Decimal(ticker, "fundingRate");
        return new FundingInfo(venue, new Symbol(BybitJson.Text(ticker, "symbol")), new FundingRate(rate, TimeSpan.FromHours(hours)), rate,
            BybitJson.Millis(ticker, "nextFundingTime"), BybitJson.Decimal(ticker, "markPrice"), BybitJson.Decimal(ticker, "indexPrice"),
            PriceBasis.Mark, at);
    }

    public static MarkPrice Mark(VenueId venue, JsonElement ticker, DateTimeOffset at) =>
        new(venue, new Symbol(BybitJson.Text(ticker, "symbol")), BybitJson.Decimal(ticker, "markPrice"), BybitJson.Decimal(ticker, "indexPrice"), at);

    /// The `data` of an orderbook topic or the `result` of /v5/market/orderbook, cut to depth levels a side. At is the
    /// `ts` of the REST result, or of the stream message (its data carries none).
    public static OrderBookSnapshot Book(VenueId venue, JsonElement data, int depth, DateTimeOffset at) => new(
        venue,
        new Symbol(BybitJson.Text(data, "s")),
        JsonBookLevels.Read(data.GetProperty("b"), depth),
        JsonBookLevels.Read(data.GetProperty("a"), depth),
        data.GetProperty("u").GetInt64(),
        at);

    /// cumRealisedPnl already nets fees and funding; Bybit does not split them, so they are reported as zero here.
    public static PositionSummary Position(VenueId venue, JsonElement item)
    {
        var side = BybitJson.Text(item, "side") switch
        {
            "Buy" => PositionSide.Long,
            "Sell" => PositionSide.Short,
            _ => (PositionSide?)null,
        };
        var average = BybitJson.Decimal(item, "avgPrice");
        var breakeven = item.TryGetProperty("breakEvenPrice", out _) ? BybitJson.Decimal(item, "breakEvenPrice") : 0m;
        return new PositionSummary(new PositionKey(venue, new Symbol(BybitJson.Text(item, "symbol"))), side, BybitJson.Decimal(item, "size"),
            average == 0m ? null : average, breakeven == 0m ? null : breakeven, BybitJson.Decimal(item, "markPrice"),
            BybitJson.Decimal(item, "unrealisedPnl"), BybitJson.Decimal(item, "cumRealisedPnl"), 0m, 0m, 0m);
    }

    public static VenueBalance Balance(JsonElement coin) => new(
        new Asset(BybitJson.Text(coin, "coin")),
        BybitJson.Decimal(coin, "walletBalance"),
        BybitJson.Decimal(coin, "unrealisedPnl"),
        BybitJson.Decimal(coin, "totalPositionIM"),
        BybitJson.Decimal(coin, "totalOrderIM"));
}
