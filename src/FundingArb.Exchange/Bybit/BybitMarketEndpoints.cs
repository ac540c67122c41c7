using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Bybit;

/// The public market endpoints: server time, instruments, tickers, the book and the funding-rate history.
internal sealed class BybitMarketEndpoints(ServedVenue served)
{
    private const int InstrumentPageDefault = 500;
    private const int InstrumentPageMaximum = 1000;
    private const int FundingHistoryMaximum = 200;
    private const int BookDefault = 25;
    private const int BookMaximum = 500;

    public void Map(IEndpointRouteBuilder routes, BybitRequestGuard guard)
    {
        routes.MapGet("/v5/market/time", c => guard.PublicAsync(c, TimeAsync));
        routes.MapGet("/v5/market/instruments-info", c => guard.PublicAsync(c, InstrumentsAsync));
        routes.MapGet("/v5/market/tickers", c => guard.PublicAsync(c, TickersAsync));
        routes.MapGet("/v5/market/orderbook", c => guard.PublicAsync(c, OrderBookAsync));
        routes.MapGet("/v5/market/funding/history", c => guard.PublicAsync(c, FundingHistoryAsync));
    }

    private Task<JsonObject> TimeAsync(IQueryCollection query, CancellationToken ct) => Task.FromResult(Time());

    private JsonObject Time()
    {
        var now = served.Clock.GetUtcNow();
        var nanos = (now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100;
        return new JsonObject
        {
            ["timeSecond"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            ["timeNano"] = nanos.ToString(CultureInfo.InvariantCulture),
        };
    }

    // The cursor is the index of the page's first instrument; Bybit's is opaque, so clients only pass it back.
    private async Task<JsonObject> InstrumentsAsync(IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var instruments = await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false);
        var symbol = query["symbol"].ToString();
        if (symbol.Length > 0)
        {
            instruments = [.. instruments.Where(i => string.Equals(i.Symbol.Value, symbol, StringComparison.Ordinal))];
        }

        var limit = BybitParameters.Limit(query["limit"], InstrumentPageDefault, InstrumentPageMaximum);
        var cursorText = query["cursor"].ToString();
        var start = 0;
        if (cursorText.Length > 0 && (!int.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out start) || start > instruments.Length))
        {
            throw new BybitParameterException("cursor", cursorText, "not a cursor this venue gave");
        }

        var page = new JsonArray();
        foreach (var instrument in instruments.Skip(start).Take(limit))
        {
            var funding = await served.Venue.GetFundingAsync(instrument.Symbol, ct).ConfigureAwait(false);
            page.Add(Instrument(instrument, funding));
        }

        var next = start + limit < instruments.Length ? (start + limit).ToString(CultureInfo.InvariantCulture) : string.Empty;
        return new JsonObject { ["category"] = "linear", ["list"] = page, ["nextPageCursor"] = next };
    }

    private async Task<JsonObject> TickersAsync(IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var instruments = await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false);
        var symbol = query["symbol"].ToString();
        ImmutableArray<Instrument> selected = symbol.Length > 0 ? [BybitParameters.Instrument(instruments, symbol)] : instruments;
        var list = new JsonArray();
        foreach (var instrument in selected)
        {
            var funding = await served.Venue.GetFundingAsync(instrument.Symbol, ct).ConfigureAwait(false);
            var book = await served.Venue.GetOrderBookAsync(instrument.Symbol, 1, ct).ConfigureAwait(false);
            list.Add(Ticker(funding, book));
        }

        return new JsonObject { ["category"] = "linear", ["list"] = list };
    }

    private async Task<JsonObject> OrderBookAsync(IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var instrument = BybitParameters.Instrument(await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false), query["symbol"]);
        var depth = BybitParameters.Limit(query["limit"], BookDefault, BookMaximum);
        var book = await served.Venue.GetOrderBookAsync(instrument.Symbol, depth, ct).ConfigureAwait(false);
        return BookData(book);
    }

    // Bybit refuses a start without an end; with neither it lists the newest settlements.
    private async Task<JsonObject> FundingHistoryAsync(IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var instrument = BybitParameters.Instrument(await served.Venue.GetInstrumentsAsync(ct).ConfigureAwait(false), query["symbol"]);
        var start = BybitParameters.Millis("startTime", query["startTime"]);
        var end = BybitParameters.Millis("endTime", query["endTime"]);
        if (start is not null && end is null)
        {
            throw new BybitParameterException("endTime", null, "required with startTime");
        }

        var limit = BybitParameters.Limit(query["limit"], FundingHistoryMaximum, FundingHistoryMaximum);
        var list = new JsonArray();
        foreach (var settlement in served.Venue.FundingSettlements
                     .Where(s => s.Symbol == instrument.Symbol && (start is null || s.At >= start) && (end is null || s.At <= end))
                     .Reverse()
                     .Take(limit))
        {
            list.Add(new JsonObject
            {
                ["symbol"] = settlement.Symbol.Value,
                ["fundingRate"] = BybitWire.Decimal(settlement.Rate.Rate),
                ["fundingRateTimestamp"] = BybitWire.MillisText(settlement.At),
            });
        }

        return new JsonObject { ["category"] = "linear", ["list"] = list };
    }

    private static JsonObject Instrument(Instrument instrument, FundingInfo funding)
    {
        var rules = instrument.Rules;
        return new JsonObject
        {
            ["symbol"] = instrument.Symbol.Value,
            ["contractType"] = "LinearPerpetual",
            ["status"] = instrument.IsTradable ? "Trading" : "Closed",
            ["baseCoin"] = instrument.Base.Code,
            ["quoteCoin"] = instrument.Quote.Code,
            ["settleCoin"] = instrument.Quote.Code,
            ["priceFilter"] = new JsonObject { ["minPrice"] = BybitWire.Decimal(rules.TickSize), ["tickSize"] = BybitWire.Decimal(rules.TickSize) },
            ["lotSizeFilter"] = new JsonObject
            {
                ["minOrderQty"] = BybitWire.Decimal(rules.MinBaseSize),
                ["qtyStep"] = BybitWire.Decimal(rules.BaseStep),
                ["minNotionalValue"] = BybitWire.Decimal(rules.MinNotional),
            },
            ["fundingInterval"] = (int)funding.Interval.TotalMinutes,
        };
    }

    public static JsonObject Ticker(FundingInfo funding, OrderBookSnapshot book) => new()
    {
        ["symbol"] = funding.Symbol.Value,
        ["lastPrice"] = BybitWire.Decimal(funding.MarkPrice),
        ["markPrice"] = BybitWire.Decimal(funding.MarkPrice),
        ["indexPrice"] = BybitWire.Decimal(funding.IndexPrice),
        ["bid1Price"] = BybitWire.Decimal(book.BestBid ?? 0m),
        ["bid1Size"] = BybitWire.Decimal(book.Bids.IsDefaultOrEmpty ? 0m : book.Bids[0].Size),
        ["ask1Price"] = BybitWire.Decimal(book.BestAsk ?? 0m),
        ["ask1Size"] = BybitWire.Decimal(book.Asks.IsDefaultOrEmpty ? 0m : book.Asks[0].Size),
        ["fundingRate"] = BybitWire.Decimal(funding.Rate.Rate),
        ["nextFundingTime"] = BybitWire.MillisText(funding.NextFundingTime),
        ["fundingIntervalHour"] = ((int)funding.Interval.TotalHours).ToString(CultureInfo.InvariantCulture),
    };

    public static JsonObject BookData(OrderBookSnapshot book) => new()
    {
        ["s"] = book.Symbol.Value,
        ["b"] = BybitWire.Levels(book.Bids),
        ["a"] = BybitWire.Levels(book.Asks),
        ["ts"] = BybitWire.Millis(book.At),
        ["u"] = book.Sequence,
        ["seq"] = book.Sequence,
    };
}
