using System.Text.Json.Nodes;
using FundingArb.Trading.Economics;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Venues;
using static FundingArb.Exchange.Binance.BinanceWire;

namespace FundingArb.Exchange.Binance;

// Field names and JSON types follow Binance's documented answers (venues.md section 1); the fixtures under
// tests/FundingArb.Exchange.Tests/Fixtures/binance pin them.

/// Binance's public market-data answers built from the simulated venue's state.
internal static class BinanceMarketPayloads
{
    public const int RequestWeightPerMinute = 2400;

    // Binance's interest component I: 0.03 % per day, so 0.01 % per 8 h, scaled to the interval.
    private const decimal InterestPerDay = 0.0003m;

    // The simulator has no per-symbol cap; Binance's default for a symbol moved off 8 h is ±2 %.
    private const decimal DefaultRateCap = 0.02m;

    private static readonly TimeSpan s_defaultInterval = TimeSpan.FromHours(8);

    public static JsonObject ExchangeInfo(IEnumerable<Instrument> instruments, DateTimeOffset now) => new()
    {
        ["timezone"] = "UTC",
        ["serverTime"] = Millis(now),
        ["rateLimits"] = new JsonArray(
            RateLimit("REQUEST_WEIGHT", "MINUTE", 1, RequestWeightPerMinute),
            RateLimit("ORDERS", "MINUTE", 1, 1200),
            RateLimit("ORDERS", "SECOND", 10, 300)),
        ["exchangeFilters"] = new JsonArray(),
        ["symbols"] = new JsonArray([.. instruments.Select(Symbol)]),
    };

    public static JsonObject PremiumIndex(FundingInfo funding) => new()
    {
        ["symbol"] = funding.Symbol.Value,
        ["markPrice"] = Text(funding.MarkPrice),
        ["indexPrice"] = Text(funding.IndexPrice),
        ["estimatedSettlePrice"] = Text(funding.IndexPrice),
        ["lastFundingRate"] = Text(funding.Rate.Rate),
        ["interestRate"] = Text(decimal.Round(InterestPerDay * (decimal)(funding.Interval / FundingRate.Day), 8)),
        ["nextFundingTime"] = Millis(funding.NextFundingTime),
        ["time"] = Millis(funding.At),
    };

    /// Binance lists only the symbols whose settings differ from the default (8 h); null for the others.
    public static JsonObject? FundingInfoRow(FundingInfo funding) => funding.Interval == s_defaultInterval ? null : new JsonObject
    {
        ["symbol"] = funding.Symbol.Value,
        ["adjustedFundingRateCap"] = Text(DefaultRateCap),
        ["adjustedFundingRateFloor"] = Text(-DefaultRateCap),
        ["fundingIntervalHours"] = (int)funding.Interval.TotalHours,
        ["disclaimer"] = false,
    };

    public static JsonObject Depth(OrderBookSnapshot book) => new()
    {
        ["lastUpdateId"] = book.Sequence,
        ["E"] = Millis(book.At),
        ["T"] = Millis(book.At),
        ["bids"] = Levels(book.Bids),
        ["asks"] = Levels(book.Asks),
    };

    public static JsonObject FundingRateRow(FundingSettlement settlement) => new()
    {
        ["symbol"] = settlement.Symbol.Value,
        ["fundingRate"] = Text(settlement.Rate.Rate),
        ["fundingTime"] = Millis(settlement.At),
        ["markPrice"] = settlement.BasisPrice is { } price ? Text(price) : string.Empty,
    };

    /// The symbol@markPrice stream's event.
    public static JsonObject MarkPriceUpdate(FundingInfo funding, DateTimeOffset now) => new()
    {
        ["e"] = "markPriceUpdate",
        ["E"] = Millis(now),
        ["s"] = funding.Symbol.Value,
        ["p"] = Text(funding.MarkPrice),
        ["i"] = Text(funding.IndexPrice),
        ["P"] = Text(funding.IndexPrice),
        ["r"] = Text(funding.Rate.Rate),
        ["T"] = Millis(funding.NextFundingTime),
    };

    /// The symbol@depthN stream's event: each one is a whole top-N book, so U, u and pu only order them.
    public static JsonObject DepthUpdate(OrderBookSnapshot book, long previousSequence) => new()
    {
        ["e"] = "depthUpdate",
        ["E"] = Millis(book.At),
        ["T"] = Millis(book.At),
        ["s"] = book.Symbol.Value,
        ["U"] = book.Sequence,
        ["u"] = book.Sequence,
        ["pu"] = previousSequence,
        ["b"] = Levels(book.Bids),
        ["a"] = Levels(book.Asks),
    };

    private static JsonObject Symbol(Instrument instrument)
    {
        var rules = instrument.Rules;
        return new JsonObject
        {
            ["symbol"] = instrument.Symbol.Value,
            ["pair"] = instrument.Symbol.Value,
            ["contractType"] = "PERPETUAL",
            ["status"] = instrument.IsTradable ? "TRADING" : "SETTLING",
            ["baseAsset"] = instrument.Base.Code,
            ["quoteAsset"] = instrument.Quote.Code,
            ["marginAsset"] = instrument.Quote.Code,
            ["pricePrecision"] = Decimals(rules.TickSize),
            ["quantityPrecision"] = Decimals(rules.BaseStep),
            ["filters"] = new JsonArray(
                new JsonObject { ["filterType"] = "PRICE_FILTER", ["minPrice"] = Text(rules.TickSize), ["maxPrice"] = "1000000", ["tickSize"] = Text(rules.TickSize) },
                new JsonObject
                {
                    ["filterType"] = "LOT_SIZE", ["minQty"] = Text(rules.MinBaseSize), ["maxQty"] = "1000000", ["stepSize"] = Text(rules.BaseStep),
                },
                new JsonObject { ["filterType"] = "MIN_NOTIONAL", ["notional"] = Text(rules.MinNotional) },
                new JsonObject
                {
                    ["filterType"] = "PERCENT_PRICE", ["multiplierUp"] = Text(1m + rules.PriceBand), ["multiplierDown"] = Text(1m - rules.PriceBand),
                    ["multiplierDecimal"] = "4",
                }),
            ["orderTypes"] = new JsonArray("LIMIT", "MARKET"),
            ["timeInForce"] = new JsonArray("GTC", "IOC", "FOK", "GTX"),
        };
    }

    private static JsonObject RateLimit(string type, string interval, int intervalNum, int limit) => new()
    {
        ["rateLimitType"] = type, ["interval"] = interval, ["intervalNum"] = intervalNum, ["limit"] = limit,
    };

    private static JsonArray Levels(IEnumerable<BookLevel> levels) =>
        new([.. levels.Select(l => (JsonNode)new JsonArray(Text(l.Price), Text(l.Size)))]);

    // Dividing by 1.000… drops trailing zeros, so the scale is the number of significant decimals.
    private static int Decimals(decimal step) => (step / 1.000000000000000000000000000000m).Scale;
}
