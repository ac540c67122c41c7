using System.Collections.Immutable;
using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// Weights are Binance's published ones (venues.md section 1): premiumIndex 1 with a symbol and 10 without,
// exchangeInfo 40, depth by its limit (2 up to 50, 5 for 100, 10 for 500, the default, 20 for 1000).

internal sealed partial class BinanceUsdmApi
{
    private const int DefaultDepthLimit = 500;
    private const int DefaultHistoryLimit = 100;
    private const int MaxHistoryLimit = 1000;

    private static readonly ImmutableArray<int> s_depthLimits = [5, 10, 20, 50, 100, 500, 1000];

    private void MapMarket(IEndpointRouteBuilder routes)
    {
        Map(routes, HttpMethods.Get, "/fapi/v1/time", 1, BinanceSecurity.None,
            (_, _) => Task.FromResult<JsonNode>(new JsonObject { ["serverTime"] = BinanceWire.Millis(Now) }));
        Map(routes, HttpMethods.Get, "/fapi/v1/exchangeInfo", 40, BinanceSecurity.None,
            (_, _) => Task.FromResult<JsonNode>(BinanceMarketPayloads.ExchangeInfo(_venue.Instruments, Now)));
        Map(routes, HttpMethods.Get, "/fapi/v1/premiumIndex", q => WeightBySymbol(q, 1, 10), BinanceSecurity.None, PremiumIndexAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/fundingInfo", 1, BinanceSecurity.None, FundingInfoAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/depth", DepthWeight, BinanceSecurity.None, DepthAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/fundingRate", 1, BinanceSecurity.None, FundingRateAsync);
    }

    private async Task<JsonNode> PremiumIndexAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        if (parameters.Optional("symbol") is { } symbol)
        {
            return BinanceMarketPayloads.PremiumIndex(await _venue.GetFundingAsync(Instrument(symbol).Symbol, cancellationToken).ConfigureAwait(false));
        }

        var all = new JsonArray();
        foreach (var instrument in _venue.Instruments)
        {
            all.Add(BinanceMarketPayloads.PremiumIndex(await _venue.GetFundingAsync(instrument.Symbol, cancellationToken).ConfigureAwait(false)));
        }

        return all;
    }

    private async Task<JsonNode> FundingInfoAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var rows = new JsonArray();
        foreach (var instrument in _venue.Instruments)
        {
            if (BinanceMarketPayloads.FundingInfoRow(await _venue.GetFundingAsync(instrument.Symbol, cancellationToken).ConfigureAwait(false)) is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    private async Task<JsonNode> DepthAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var instrument = Instrument(parameters.Required("symbol"));
        var limit = parameters.OptionalLong("limit") ?? DefaultDepthLimit;
        if (!s_depthLimits.Contains((int)limit))
        {
            throw BinanceApiError.IllegalParameter("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return BinanceMarketPayloads.Depth(await _venue.GetOrderBookAsync(instrument.Symbol, (int)limit, cancellationToken).ConfigureAwait(false));
    }

    private Task<JsonNode> FundingRateAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var symbol = parameters.Optional("symbol") is { } name ? Instrument(name).Symbol : (Symbol?)null;
        var limit = HistoryLimit(parameters);
        var settlements = _venue.FundingSettlements.Where(s => symbol is null || s.Symbol == symbol);
        settlements = Window(settlements, s => s.At, parameters);
        var rows = parameters.Optional("startTime") is null ? settlements.TakeLast(limit) : settlements.Take(limit);
        return Task.FromResult<JsonNode>(new JsonArray([.. rows.Select(s => (JsonNode)BinanceMarketPayloads.FundingRateRow(s))]));
    }

    private static int DepthWeight(IQueryCollection query) =>
        int.TryParse(query["limit"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var limit)
            ? limit switch
            {
                <= 50 => 2,
                100 => 5,
                500 => 10,
                _ => 20,
            }
            : 10;

    private static int HistoryLimit(BinanceParameters parameters)
    {
        var limit = parameters.OptionalLong("limit") ?? DefaultHistoryLimit;
        return limit is >= 1 and <= MaxHistoryLimit
            ? (int)limit
            : throw BinanceApiError.IllegalParameter("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// startTime and endTime are both inclusive, in milliseconds.
    private static IEnumerable<T> Window<T>(IEnumerable<T> items, Func<T, DateTimeOffset> at, BinanceParameters parameters)
    {
        var start = parameters.OptionalLong("startTime");
        var end = parameters.OptionalLong("endTime");
        return items.Where(item => (start is null || BinanceWire.Millis(at(item)) >= start) && (end is null || BinanceWire.Millis(at(item)) <= end));
    }
}
