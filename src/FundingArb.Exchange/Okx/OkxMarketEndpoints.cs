using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Okx;

// OKX publishes the current period's rate (method current_period: it settles at fundingTime) and leaves nextFundingRate
// empty in that mode; the interval is nextFundingTime − fundingTime. Sizes are in contracts of ctVal base units.

/// The public endpoints: time, instruments, funding rate and its history, mark price, index ticker and the book.
internal sealed class OkxMarketEndpoints(ServedVenue served, OkxInstrumentIds ids)
{
    private const int BookDefault = 1;
    private const int BookMaximum = 400;
    private const int HistoryMaximum = 100;

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v5/public/time", c => OkxRequestGuard.PublicAsync(c, TimeAsync));
        routes.MapGet("/api/v5/public/instruments", c => OkxRequestGuard.PublicAsync(c, InstrumentsAsync));
        routes.MapGet("/api/v5/public/funding-rate", c => OkxRequestGuard.PublicAsync(c, FundingRateAsync));
        routes.MapGet("/api/v5/public/funding-rate-history", c => OkxRequestGuard.PublicAsync(c, FundingHistoryAsync));
        routes.MapGet("/api/v5/public/mark-price", c => OkxRequestGuard.PublicAsync(c, MarkPriceAsync));
        routes.MapGet("/api/v5/market/index-tickers", c => OkxRequestGuard.PublicAsync(c, IndexAsync));
        routes.MapGet("/api/v5/market/books", c => OkxRequestGuard.PublicAsync(c, BooksAsync));
    }

    public static JsonObject FundingRate(string instId, FundingInfo funding, decimal settledRate) => new()
    {
        ["instType"] = "SWAP",
        ["instId"] = instId,
        ["method"] = "current_period",
        ["fundingRate"] = OkxWire.Decimal(funding.Rate.Rate),
        ["nextFundingRate"] = string.Empty,
        ["fundingTime"] = OkxWire.Millis(funding.NextFundingTime),
        ["nextFundingTime"] = OkxWire.Millis(funding.NextFundingTime + funding.Interval),
        ["settState"] = "settled",
        ["settFundingRate"] = OkxWire.Decimal(settledRate),
        ["ts"] = OkxWire.Millis(funding.At),
    };

    public static JsonObject Book(Instrument instrument, OrderBookSnapshot book) => new()
    {
        ["asks"] = OkxWire.Levels(book.Asks, instrument.Rules.ContractMultiplier),
        ["bids"] = OkxWire.Levels(book.Bids, instrument.Rules.ContractMultiplier),
        ["ts"] = OkxWire.Millis(book.At),
        ["seqId"] = book.Sequence,
    };

    public static JsonObject Mark(string instId, MarkPrice mark) => new()
    {
        ["instType"] = "SWAP", ["instId"] = instId, ["markPx"] = OkxWire.Decimal(mark.Mark), ["ts"] = OkxWire.Millis(mark.At),
    };

    private Task<JsonArray> TimeAsync(IQueryCollection query, CancellationToken ct) =>
        Task.FromResult<JsonArray>([new JsonObject { ["ts"] = OkxWire.Millis(served.Clock.GetUtcNow()) }]);

    private async Task<JsonArray> InstrumentsAsync(IQueryCollection query, CancellationToken ct)
    {
        OkxParameters.RequireSwap(query["instType"]);
        var instId = query["instId"].ToString();
        var data = new JsonArray();
        foreach (var instrument in await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false))
        {
            var id = OkxInstrumentIds.InstIdOf(instrument);
            if (instId.Length == 0 || id == instId)
            {
                data.Add(Instrument(id, instrument));
            }
        }

        return data;
    }

    private async Task<JsonArray> FundingRateAsync(IQueryCollection query, CancellationToken ct)
    {
        var instrument = ids.Find(query["instId"]);
        var funding = await served.Venue.GetFundingAsync(instrument.Symbol, ct).ConfigureAwait(false);
        return [FundingRate(OkxInstrumentIds.InstIdOf(instrument), funding, SettledRate(instrument.Symbol, funding))];
    }

    // Newest first. `after` lists settlements older than it, `before` newer than it (OKX's paging by fundingTime).
    private Task<JsonArray> FundingHistoryAsync(IQueryCollection query, CancellationToken ct)
    {
        var instrument = ids.Find(query["instId"]);
        var after = OkxParameters.Millis("after", query["after"]);
        var before = OkxParameters.Millis("before", query["before"]);
        var limit = OkxParameters.Limit("limit", query["limit"], HistoryMaximum, HistoryMaximum);
        var data = new JsonArray();
        foreach (var settlement in served.Venue.FundingSettlements
                     .Where(s => s.Symbol == instrument.Symbol && (after is null || s.At < after) && (before is null || s.At > before))
                     .Reverse()
                     .Take(limit))
        {
            data.Add(new JsonObject
            {
                ["instType"] = "SWAP",
                ["instId"] = OkxInstrumentIds.InstIdOf(instrument),
                ["fundingRate"] = OkxWire.Decimal(settlement.Rate.Rate),
                ["realizedRate"] = OkxWire.Decimal(settlement.Rate.Rate),
                ["fundingTime"] = OkxWire.Millis(settlement.At),
                ["method"] = "current_period",
            });
        }

        return Task.FromResult(data);
    }

    private async Task<JsonArray> MarkPriceAsync(IQueryCollection query, CancellationToken ct)
    {
        OkxParameters.RequireSwap(query["instType"]);
        var instrument = ids.Find(query["instId"]);
        var mark = await served.Venue.GetMarkPriceAsync(instrument.Symbol, ct).ConfigureAwait(false);
        return [Mark(OkxInstrumentIds.InstIdOf(instrument), mark)];
    }

    private async Task<JsonArray> IndexAsync(IQueryCollection query, CancellationToken ct)
    {
        var instrument = ids.FindIndex(query["instId"]);
        var mark = await served.Venue.GetMarkPriceAsync(instrument.Symbol, ct).ConfigureAwait(false);
        return [new JsonObject { ["instId"] = OkxInstrumentIds.IndexIdOf(instrument), ["idxPx"] = OkxWire.Decimal(mark.Index), ["ts"] = OkxWire.Millis(mark.At) }];
    }

    private async Task<JsonArray> BooksAsync(IQueryCollection query, CancellationToken ct)
    {
        var instrument = ids.Find(query["instId"]);
        var depth = OkxParameters.Limit("sz", query["sz"], BookDefault, BookMaximum);
        var book = await served.Venue.GetOrderBookAsync(instrument.Symbol, depth, ct).ConfigureAwait(false);
        return [Book(instrument, book)];
    }

    private decimal SettledRate(Symbol symbol, FundingInfo funding) =>
        served.Venue.FundingSettlements.LastOrDefault(s => s.Symbol == symbol) is { } last ? last.Rate.Rate : funding.Rate.Rate;

    private static JsonObject Instrument(string instId, Instrument instrument)
    {
        var rules = instrument.Rules;
        return new JsonObject
        {
            ["instType"] = "SWAP",
            ["instId"] = instId,
            ["uly"] = OkxInstrumentIds.IndexIdOf(instrument),
            ["instFamily"] = OkxInstrumentIds.IndexIdOf(instrument),
            ["settleCcy"] = instrument.Quote.Code,
            ["ctVal"] = OkxWire.Decimal(rules.ContractMultiplier),
            ["ctMult"] = "1",
            ["ctValCcy"] = instrument.Base.Code,
            ["ctType"] = "linear",
            ["tickSz"] = OkxWire.Decimal(rules.TickSize),
            ["lotSz"] = OkxWire.Decimal(rules.StepSize),
            ["minSz"] = OkxWire.Decimal(rules.MinSize),
            ["state"] = instrument.IsTradable ? "live" : "suspend",
        };
    }
}
