using System.Globalization;
using FundingArb.Exchange.Binance;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Binance;

// A simulated venue served in Binance's protocol on loopback and a connector talking to it over real sockets.
// The venue runs on ServerClock; the connector reads ClientClock, the same clock unless a test needs the two apart
// (a connector whose clock drifts). Prices do not move (zero volatility), so figures can be compared exactly.
// BTCUSDT settles funding every 8 h, ETHUSDT every 4 h; the start is a minute before both settle at 08:00.
internal sealed class BinanceHarness : IAsyncDisposable
{
    public const string ApiKey = "binance-test-key";
    public const string ApiSecret = "binance-test-secret";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 59, 0, TimeSpan.Zero);
    public static readonly VenueId VenueId = new("binance");
    public static readonly Symbol Btc = new("BTCUSDT");
    public static readonly Symbol Eth = new("ETHUSDT");
    public static readonly Asset Usdt = new("USDT");

    private static readonly TimeSpan s_guard = TimeSpan.FromSeconds(10 * TimeFactor());

    private readonly ExchangeServer _server;

    private BinanceHarness(VirtualClock serverClock, VirtualClock clientClock, SimulatedVenue venue, ExchangeServer server)
    {
        ServerClock = serverClock;
        ClientClock = clientClock;
        Venue = venue;
        _server = server;
        Endpoint = server.Endpoints[0];
        Connector = Connect(ApiKey, ApiSecret);
    }

    public VirtualClock ServerClock { get; }

    public VirtualClock ClientClock { get; }

    public SimulatedVenue Venue { get; }

    public VenueEndpoint Endpoint { get; }

    public BinanceUsdmVenue Connector { get; }

    public static Instrument BtcUsdt { get; } = new(VenueId, Btc, new Asset("BTC"), Usdt, new TradingRules(0.1m, 0.001m, 0.001m, 5m));

    public static Instrument EthUsdt { get; } = new(VenueId, Eth, new Asset("ETH"), Usdt, new TradingRules(0.01m, 0.001m, 0.001m, 5m));

    /// A token that fails a test which would otherwise wait forever; never a way to wait for something.
    public static CancellationToken Guard() => new CancellationTokenSource(s_guard).Token;

    public static async Task<BinanceHarness> StartAsync(IEnumerable<VenueFault>? faults = null, bool separateClientClock = false,
        IntervalChange? btcIntervalChange = null)
    {
        var serverClock = new VirtualClock(Start);
        var clientClock = separateClientClock ? new VirtualClock(Start) : serverClock;
        var settings = new SimulatedVenueSettings(VenueId) { Balances = [new Money(100_000m, Usdt)] };
        MarketSettings[] markets =
        [
            new(BtcUsdt, new RandomWalkModel(60_000m, 0m, 0m))
            {
                Funding = FundingPathModel.Constant(0.0001m), IntervalChanges = btcIntervalChange is { } change ? [change] : [],
            },
            new(EthUsdt, new RandomWalkModel(3_000m, 0m, 0m)) { Funding = FundingPathModel.Constant(-0.0002m), FundingInterval = TimeSpan.FromHours(4) },
        ];
        var venue = new SimulatedVenue(settings, markets, faults ?? [], 7, serverClock);
        var account = new ExchangeAccount(ApiKey, ApiSecret, null);
        var server = await ExchangeServer.StartAsync([(new ServedVenue(venue, account, serverClock), new BinanceUsdmProtocol(), 0)]);
        return new BinanceHarness(serverClock, clientClock, venue, server);
    }

    public BinanceUsdmVenue Connect(string apiKey, string apiSecret) =>
        new(new BinanceUsdmOptions(VenueId, Endpoint.RestUrl, Endpoint.WebSocketUrl, apiKey, apiSecret), ClientClock);

    public async ValueTask DisposeAsync()
    {
        Connector.Dispose();
        await _server.DisposeAsync();
        Venue.Dispose();
    }

    private static double TimeFactor() =>
        double.TryParse(Environment.GetEnvironmentVariable("FUNDINGARB_TEST_TIMEFACTOR"), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor)
            ? Math.Max(1, factor)
            : 1;
}
