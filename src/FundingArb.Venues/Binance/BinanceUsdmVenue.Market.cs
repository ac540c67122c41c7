using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Binance;

// The funding interval is per symbol and changes at run time (Binance moves a capped symbol to 1 h): it is read from
// fundingInfo, which lists only the symbols off 8 h, and trusted for FundingIntervalRefresh.

public sealed partial class BinanceUsdmVenue
{
    private static readonly ImmutableArray<int> s_depthLimits = [5, 10, 20, 50, 100, 500, 1000];

    private FundingIntervals? _fundingIntervals;

    public async ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var premium = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/premiumIndex", [Parameter("symbol", symbol.Value)], BinanceAuth.None, 1),
            cancellationToken).ConfigureAwait(false);
        var intervals = await FundingIntervalsAsync(cancellationToken).ConfigureAwait(false);
        return BinanceMarketParser.Funding(Id, premium, intervals.GetValueOrDefault(symbol, BinanceMarketParser.DefaultFundingInterval));
    }

    public async ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var premium = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/premiumIndex", [Parameter("symbol", symbol.Value)], BinanceAuth.None, 1),
            cancellationToken).ConfigureAwait(false);
        return BinanceMarketParser.Mark(Id, premium);
    }

    public async ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, s_depthLimits[^1]);
        var limit = s_depthLimits.First(l => l >= depth);
        var weight = limit switch
        {
            <= 50 => 2,
            100 => 5,
            500 => 10,
            _ => 20,
        };
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/depth",
            [Parameter("symbol", symbol.Value), Parameter("limit", limit.ToString(CultureInfo.InvariantCulture))], BinanceAuth.None, weight),
            cancellationToken).ConfigureAwait(false);
        return BinanceMarketParser.Book(Id, symbol, answer, depth);
    }

    private async ValueTask<ImmutableDictionary<Symbol, TimeSpan>> FundingIntervalsAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _fundingIntervals) is { } known && _time.GetUtcNow() - known.ReadAt < _options.FundingIntervalRefresh)
        {
            return known.Intervals;
        }

        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/fundingInfo", [], BinanceAuth.None, 1), cancellationToken).ConfigureAwait(false);
        var read = new FundingIntervals(BinanceMarketParser.FundingIntervals(answer), _time.GetUtcNow());
        Volatile.Write(ref _fundingIntervals, read);
        return read.Intervals;
    }

    private sealed record FundingIntervals(ImmutableDictionary<Symbol, TimeSpan> Intervals, DateTimeOffset ReadAt);
}
