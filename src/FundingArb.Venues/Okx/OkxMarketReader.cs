using System.Text.Json;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Wire;

namespace FundingArb.Venues.Okx;

// Sizes arrive in contracts; this library counts base units, so every size is multiplied by the instrument's ctVal
// (TradingRules.ContractMultiplier) here and divided by it when an order is sent. The instId is the market's Symbol.

/// OKX's market and account payloads as this library's types.
internal static class OkxMarketReader
{
    /// OKX states no minimum notional: the minimum is minSz contracts, so MinNotional is zero.
    public static Instrument Instrument(VenueId venue, JsonElement item)
    {
        var rules = new TradingRules(OkxJson.Decimal(item, "tickSz"), OkxJson.Decimal(item, "lotSz"), OkxJson.Decimal(item, "minSz"), 0m,
            OkxJson.Decimal(item, "ctVal"));
        return new Instrument(venue, new Symbol(OkxJson.Text(item, "instId")), new Asset(OkxJson.Text(item, "ctValCcy")),
            new Asset(OkxJson.Text(item, "settleCcy")), rules, InstrumentKind.Perpetual,
            string.Equals(OkxJson.Text(item, "state"), "live", StringComparison.Ordinal));
    }

    /// The interval is nextFundingTime − fundingTime, read every time (OKX moves contracts between 8 h, 4 h, 2 h and 1 h).
    /// In current_period mode nextFundingRate is empty, so PredictedNextRate repeats the current rate.
    public static FundingInfo Funding(VenueId venue, JsonElement rate, MarkPrice mark)
    {
        var fundingTime = OkxJson.Millis(rate, "fundingTime");
        var current = OkxJson.Decimal(rate, "fundingRate");
        return new FundingInfo(venue, new Symbol(OkxJson.Text(rate, "instId")),
            new FundingRate(current, OkxJson.Millis(rate, "nextFundingTime") - fundingTime), OkxJson.OptionalDecimal(rate, "nextFundingRate") ?? current,
            fundingTime, mark.Mark, mark.Index, PriceBasis.Mark, OkxJson.Millis(rate, "ts"));
    }

    public static MarkPrice Mark(VenueId venue, JsonElement mark, JsonElement index) =>
        new(venue, new Symbol(OkxJson.Text(mark, "instId")), OkxJson.Decimal(mark, "markPx"), OkxJson.Decimal(index, "idxPx"), OkxJson.Millis(mark, "ts"));

    /// A books answer item or a books5/books push item; its seqId orders the books when present, else its ts does.
    public static OrderBookSnapshot Book(VenueId venue, Instrument instrument, JsonElement data, int depth)
    {
        var at = OkxJson.Millis(data, "ts");
        var sequence = data.TryGetProperty("seqId", out var seq) && seq.ValueKind == JsonValueKind.Number ? seq.GetInt64() : at.ToUnixTimeMilliseconds();
        var contract = instrument.Rules.ContractMultiplier;
        return new OrderBookSnapshot(venue, instrument.Symbol, JsonBookLevels.Read(data.GetProperty("bids"), depth, contract), JsonBookLevels.Read(data.GetProperty("asks"), depth, contract),
            sequence, at);
    }

    /// pos is signed contracts (net mode); fee is negative when charged, so Fees is its negation.
    public static PositionSummary Position(VenueId venue, Instrument instrument, JsonElement item)
    {
        var contracts = OkxJson.Decimal(item, "pos");
        var side = contracts switch
        {
            > 0m => PositionSide.Long,
            < 0m => PositionSide.Short,
            _ => (PositionSide?)null,
        };
        return new PositionSummary(new PositionKey(venue, instrument.Symbol), side, Math.Abs(contracts) * instrument.Rules.ContractMultiplier,
            OkxJson.OptionalDecimal(item, "avgPx"), OkxJson.OptionalDecimal(item, "bePx"), OkxJson.Decimal(item, "markPx"), OkxJson.Decimal(item, "upl"),
            OkxJson.Decimal(item, "pnl"), OkxJson.Decimal(item, "fundingFee"), -OkxJson.Decimal(item, "fee"), 0m);
    }

    public static VenueBalance Balance(JsonElement detail) => new(
        new Asset(OkxJson.Text(detail, "ccy")),
        OkxJson.Decimal(detail, "cashBal"),
        OkxJson.Decimal(detail, "upl"),
        OkxJson.Decimal(detail, "imr"),
        OkxJson.Decimal(detail, "ordFrozen"));

    /// A funding bill (type 8): balChg is signed (negative paid). The bill has no rate; the settlement's rate comes from the
    /// funding-rate history, and the side follows from the signs (longs pay a positive rate).
    public static FundingPayment Funding(VenueId venue, Instrument instrument, JsonElement bill, decimal rate)
    {
        var amount = OkxJson.Decimal(bill, "balChg");
        var paid = amount < 0m;
        var side = (rate >= 0m) == paid ? PositionSide.Long : PositionSide.Short;
        return new FundingPayment(venue, instrument.Symbol, side, OkxJson.Decimal(bill, "sz") * instrument.Rules.ContractMultiplier,
            OkxJson.Decimal(bill, "px"), rate, amount, OkxJson.Millis(bill, "ts"));
    }
}
