using System.Collections.Concurrent;
using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Okx;

// Thread-safety: any number of requests may run at once. The instrument and order caches are concurrent dictionaries
// (a lost race only fetches twice); the REST client's clock and rate gate carry their own locks.

/// OKX v5, instType SWAP, over REST and WebSocket (docs/venues.md section 3). Markets are named by instId
/// (BTC-USDT-SWAP); sizes are base units here and contracts of ctVal on the wire. Orders are acknowledged only: their
/// fills and a post-only's cancel (cancelSource 31) arrive on the user stream and through GetOrderAsync.
public sealed partial class OkxV5Venue : IVenue, IDisposable
{
    private const int MaximumBookDepth = 400;

    private readonly OkxV5Options _options;
    private readonly TimeProvider _time;
    private readonly OkxRestClient _rest;
    private readonly ConcurrentDictionary<Symbol, Instrument> _instruments = new();

    public OkxV5Venue(OkxV5Options options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.OrderRequestsPerWindow, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.OrderRequestWindow, TimeSpan.Zero, nameof(options));
        _options = options;
        _time = timeProvider;
        _rest = new OkxRestClient(options, timeProvider);
    }

    public VenueId Id => _options.Venue;

    public async ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetPublicAsync("/api/v5/public/instruments", "instType=SWAP", cancellationToken).ConfigureAwait(false);
        var all = ImmutableArray.CreateBuilder<Instrument>();
        foreach (var item in answer.Data.EnumerateArray())
        {
            var instrument = OkxMarketReader.Instrument(Id, item);
            _instruments[instrument.Symbol] = instrument;
            all.Add(instrument);
        }

        return all.ToImmutable();
    }

    public async ValueTask<FundingInfo> GetFundingAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var rate = await _rest.GetPublicAsync("/api/v5/public/funding-rate", OkxRestClient.Query(("instId", symbol.Value)), cancellationToken)
            .ConfigureAwait(false);
        var mark = await GetMarkPriceAsync(symbol, cancellationToken).ConfigureAwait(false);
        return OkxMarketReader.Funding(Id, rate.Single, mark);
    }

    /// OKX's mark-price answer has no index; it comes from the index ticker of the contract's BASE-QUOTE.
    public async ValueTask<MarkPrice> GetMarkPriceAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var mark = await _rest.GetPublicAsync("/api/v5/public/mark-price", OkxRestClient.Query(("instType", "SWAP"), ("instId", symbol.Value)),
            cancellationToken).ConfigureAwait(false);
        var index = await _rest.GetPublicAsync("/api/v5/market/index-tickers",
            OkxRestClient.Query(("instId", $"{instrument.Base.Code}-{instrument.Quote.Code}")), cancellationToken).ConfigureAwait(false);
        return OkxMarketReader.Mark(Id, mark.Single, index.Single);
    }

    public async ValueTask<OrderBookSnapshot> GetOrderBookAsync(Symbol symbol, int depth, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(depth);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(depth, MaximumBookDepth);
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var answer = await _rest.GetPublicAsync("/api/v5/market/books",
            OkxRestClient.Query(("instId", symbol.Value), ("sz", depth.ToString(System.Globalization.CultureInfo.InvariantCulture))), cancellationToken)
            .ConfigureAwait(false);
        return OkxMarketReader.Book(Id, instrument, answer.Single, depth);
    }

    public void Dispose() => _rest.Dispose();

    private async ValueTask<Instrument> InstrumentAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        if (_instruments.TryGetValue(symbol, out var known))
        {
            return known;
        }

        await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        return _instruments.TryGetValue(symbol, out var listed) ? listed : throw new ArgumentException($"{Id} lists no SWAP {symbol}.", nameof(symbol));
    }
}
