using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Bybit;

// Thread-safety: any number of requests may run at once. The instrument and order-symbol caches are concurrent
// dictionaries (a lost race only fetches twice); the REST client's clock and rate gate carry their own locks.

/// Bybit v5, category linear, over REST and WebSocket (docs/venues.md section 2). Orders are acknowledged only: their
/// fills and a post-only's cancel (EC_PostOnlyWillTakeLiquidity) arrive on the user stream and through GetOrderAsync.
public sealed partial class BybitV5Venue : IVenue, IDisposable
{
    private const int InstrumentPage = 1000;
    private const int MaximumBookDepth = 500;

    private readonly BybitV5Options _options;
    private readonly TimeProvider _time;
    private readonly BybitRestClient _rest;
    private readonly ConcurrentDictionary<Symbol, Instrument> _instruments = new();

    public BybitV5Venue(BybitV5Options options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.OrderRequestsPerSecond, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RecvWindow, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.RequestTimeout, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.PingInterval, TimeSpan.Zero, nameof(options));
        _options = options;
        _time = timeProvider;
        _rest = new BybitRestClient(options, timeProvider);
    }

    public VenueId Id => _options.Venue;

    public async ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var all = ImmutableArray.CreateBuilder<Instrument>();
        var cursor = string.Empty;
        do
        {
            var query = string.Create(CultureInfo.InvariantCulture, $"category=linear&limit={InstrumentPage}")
                + (cursor.Length > 0 ? $"&cursor={Uri.EscapeDataString(cursor)}" : string.Empty);
            var answer = await _rest.GetPublicAsync("/v5/market/instruments-info", query, cancellationToken).ConfigureAwait(false);
            foreach (var item in answer.Result.GetProperty("list").EnumerateArray())
            {
                var instrument = BybitMarketReader.Instrument(Id, item);
                _instruments[instrument.Symbol] = instrument;
                all.Add(instrument);
            }

            cursor = BybitJson.Text(answer.Result, "nextPageCursor");
        }
        while (cursor.Length > 0);

        return all.ToImmutable();
    }

    public async ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var (ticker, at) = await TickerAsync(symbol, cancellationToken).ConfigureAwait(false);
        return BybitMarketReader.Funding(Id, ticker, at);
    }

    public async ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var (ticker, at) = await TickerAsync(symbol, cancellationToken).ConfigureAwait(false);
        return BybitMarketReader.Mark(Id, ticker, at);
    }

    public async ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaximumBookDepth);
        var query = string.Create(CultureInfo.InvariantCulture, $"category=linear&symbol={Escape(symbol)}&limit={depth}");
        var answer = await _rest.GetPublicAsync("/v5/market/orderbook", query, cancellationToken).ConfigureAwait(false);
        return BybitMarketReader.Book(Id, answer.Result, depth, BybitJson.Millis(answer.Result, "ts"));
    }

    public void Dispose() => _rest.Dispose();

    private async ValueTask<(JsonElement Ticker, DateTimeOffset At)> TickerAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var answer = await _rest.GetPublicAsync("/v5/market/tickers", $"category=linear&symbol={Escape(symbol)}", cancellationToken).ConfigureAwait(false);
        foreach (var ticker in answer.Result.GetProperty("list").EnumerateArray())
        {
            return (ticker, answer.Time);
        }

        throw new ArgumentException($"{Id} lists no market {symbol}.", nameof(symbol));
    }

    private async ValueTask<Instrument> InstrumentAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        if (_instruments.TryGetValue(symbol, out var known))
        {
            return known;
        }

        await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        return _instruments.TryGetValue(symbol, out var listed) ? listed : throw new ArgumentException($"{Id} lists no market {symbol}.", nameof(symbol));
    }

    private static string Escape(Symbol symbol) => Uri.EscapeDataString(symbol.Value);
}
