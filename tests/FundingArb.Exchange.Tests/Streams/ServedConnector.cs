using System.Globalization;
using System.Text;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Wire;

namespace FundingArb.Exchange.Tests.Streams;

// One simulated venue served in a named protocol on loopback and that protocol's connector, both on one virtual clock, so
// the test decides when the market steps (one step a second) and no ping, keep-alive or timeout of the connector fires
// unless the test advances the clock that far. BTCUSDT sits at a mid of 1000 (best bid 999.5, best ask 1000.5) and
// drops to 998 at DipAt: from that step on, a buy resting at 999 fills as maker against the one ask level below its
// price, 0.1 BTC a step, in parts. OKX serves it as BTC-USDT-SWAP in contracts of 0.01 BTC.
internal sealed class ServedConnector : IAsyncDisposable
{
    public const string Binance = "binance-usdm";
    public const string Bybit = "bybit-v5";
    public const string Okx = "okx-v5";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset DipAt = Start.AddSeconds(3);
    public static readonly ExchangeAccount Account = new("stream-key", "stream-secret", "stream-pass");

    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(20 * TimeFactor());
    private static readonly VenueId s_venueId = new("served");
    private static readonly HttpClient s_http = new();

    private readonly ExchangeServer _server;

    private ServedConnector(VirtualClock clock, SimulatedVenue venue, ExchangeServer server, IVenue connector)
    {
        Clock = clock;
        Venue = venue;
        _server = server;
        Connector = connector;
    }

    public VirtualClock Clock { get; }

    public SimulatedVenue Venue { get; }

    public IVenue Connector { get; }

    public Uri RestUrl => _server.Endpoints[0].RestUrl;

    /// A token that fails a test which would otherwise wait forever; never a way to wait for something.
    public static CancellationToken Guard() => new CancellationTokenSource(s_guard).Token;

    /// protocol is one of Binance, Bybit, Okx; serve and connect adjust the protocol's server and connector options.
    public static async Task<ServedConnector> StartAsync(string protocol, Func<IVenueProtocol, IVenueProtocol>? serve = null,
        Func<object, object>? connect = null)
    {
        var clock = new VirtualClock(Start);
        var okx = protocol == Okx;
        var rules = okx ? new TradingRules(0.1m, 1m, 1m, 0m, 0.01m) : new TradingRules(0.1m, 0.001m, 0.001m, 5m);
        var instrument = new Instrument(s_venueId, new Symbol("BTCUSDT"), new Asset("BTC"), new Asset("USDT"), rules);
        var settings = new SimulatedVenueSettings(s_venueId)
        {
            Fees = new FeeSchedule(0.0002m, 0.0005m),
            Balances = [new Money(100_000m, new Asset("USDT"))],
            PostOnly = protocol == Binance ? PostOnlyStyle.RejectOnSubmit : PostOnlyStyle.CancelAfterAccept,
        };
        var market = new MarketSettings(instrument, new PricePathModel([new PricePoint(Start, 1000m), new PricePoint(DipAt.AddSeconds(-1), 1000m),
            new PricePoint(DipAt, 998m)]))
        {
            SpreadBps = 10m,
            Depth = new BookDepth(5, 100m, 10m),
            Funding = FundingPathModel.Constant(0.0001m),
        };
        var venue = new SimulatedVenue(settings, [market], [], 16, clock);
        var served = ExchangeProtocols.Find(protocol) ?? throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "not a served protocol");
        var server = await ExchangeServer.StartAsync([(new ServedVenue(venue, Account, clock), serve?.Invoke(served) ?? served, 0)]);
        var endpoint = server.Endpoints[0];
        object options = protocol switch
        {
            Binance => new BinanceUsdmOptions(s_venueId, endpoint.RestUrl, endpoint.WebSocketUrl, Account.ApiKey, Account.ApiSecret),
            Bybit => BybitV5Options.AtRoot(s_venueId, endpoint.RestUrl, Account.ApiKey, Account.ApiSecret),
            _ => OkxV5Options.AtRoot(s_venueId, endpoint.RestUrl, Account.ApiKey, Account.ApiSecret, Account.Passphrase!),
        };
        options = connect?.Invoke(options) ?? options;
        IVenue connector = options switch
        {
            BinanceUsdmOptions binance => new BinanceUsdmVenue(binance, clock),
            BybitV5Options bybit => new BybitV5Venue(bybit, clock),
            _ => new OkxV5Venue((OkxV5Options)options, clock),
        };
        return new ServedConnector(clock, venue, server, connector);
    }

    /// The connector's own view of the market (OKX's swap id and contract rules).
    public async Task<Instrument> InstrumentAsync() => Assert.Single(await Connector.GetInstrumentsAsync(Guard()));

    /// Subscribes and waits until the venue confirmed it, so nothing the venue does afterwards is missed.
    public async Task<IAsyncEnumerator<UserEvent>> SubscribeAsync(CancellationToken cancellationToken)
    {
        var stream = Connector.StreamUserEventsAsync(cancellationToken);
        await (stream switch
        {
            BinanceSubscription<UserEvent> binance => binance.Connected,
            WebSocketSubscription<UserEvent> socket => socket.Subscribed,
            _ => throw new InvalidOperationException($"unknown subscription {stream.GetType()}"),
        }).WaitAsync(s_guard, cancellationToken);
        return stream.GetAsyncEnumerator(cancellationToken);
    }

    /// Injects a fault as a script would, through the venue's port.
    public async Task PostFaultAsync(string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await s_http.PostAsync(new Uri(RestUrl, "/admin/faults"), content, Guard());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Guard()));
    }

    public async ValueTask DisposeAsync()
    {
        (Connector as IDisposable)?.Dispose();
        await _server.DisposeAsync();
        Venue.Dispose();
    }

    private static double TimeFactor() =>
        double.TryParse(Environment.GetEnvironmentVariable("FUNDINGARB_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
            ? Math.Max(1, factor)
            : 1;
}
