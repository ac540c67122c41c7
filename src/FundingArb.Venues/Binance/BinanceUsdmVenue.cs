using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Venues.Binance;

// Binance names an order by symbol and id, IVenue by client order id alone: the connector remembers each client id's
// symbol when it places the order, and for an id it never placed (a restart) asks each listed symbol in turn.
// Shared state (the instruments, the symbols of client ids, the funding intervals) is immutable snapshots swapped
// whole or a concurrent dictionary, so requests may run in parallel.

/// Binance USD-M futures over its REST API and WebSocket streams.
public sealed partial class BinanceUsdmVenue : IVenue, IDisposable
{
    private readonly BinanceUsdmOptions _options;
    private readonly TimeProvider _time;
    private readonly BinanceRestClient _rest;
    private readonly ConcurrentDictionary<ClientOrderId, Symbol> _symbols = new();
    private ImmutableDictionary<Symbol, Instrument> _instruments = ImmutableDictionary<Symbol, Instrument>.Empty;

    public BinanceUsdmVenue(BinanceUsdmOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _options = options;
        _time = timeProvider;
        _rest = new BinanceRestClient(options, new HttpClient(options.Wire.CreateHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan }, timeProvider);
    }

    public VenueId Id => _options.Venue;

    public async ValueTask<ImmutableArray<Instrument>> GetInstrumentsAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/exchangeInfo", [], BinanceAuth.None, 40), cancellationToken).ConfigureAwait(false);
        var instruments = BinanceMarketParser.Instruments(Id, answer);
        Volatile.Write(ref _instruments, instruments.ToImmutableDictionary(i => i.Symbol));
        return instruments;
    }

    public void Dispose() => _rest.Dispose();

    private Task<JsonElement> SendAsync(BinanceCall call, CancellationToken cancellationToken) => _rest.SendAsync(call, cancellationToken);

    private async ValueTask<Instrument> InstrumentAsync(Symbol symbol, CancellationToken cancellationToken)
    {
        if (!Volatile.Read(ref _instruments).ContainsKey(symbol))
        {
            await GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
        }

        return Volatile.Read(ref _instruments).TryGetValue(symbol, out var instrument)
            ? instrument
            : throw new ArgumentException($"{Id} lists no market '{symbol}'.", nameof(symbol));
    }

    private static KeyValuePair<string, string> Parameter(string name, string value) => new(name, value);
}
