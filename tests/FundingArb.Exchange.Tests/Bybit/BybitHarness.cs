using FundingArb.Exchange.Bybit;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Bybit;

/// One simulated venue served as bybit-v5 on loopback, and connectors to it. The market is flat at 1000 with best bid
/// 999.5 and best ask 1000.5, five levels 10 bps apart of 10,000 USDT each, funding 0.0001 per 8 h; post-only orders
/// that would cross are accepted and then cancelled, as Bybit does. Connectors run on the system clock, so they
/// measure their offset to the venue's clock (a virtual one, by default, that the test advances). Their pings keep system
/// time, not the venue's, so the venue's idle cut-off of private sessions is off here (Streams/StreamSessionExpiryTests).
internal sealed class BybitHarness : IAsyncDisposable
{
    public static readonly VenueId VenueId = new("beta");
    public static readonly Symbol BtcUsdt = new("BTCUSDT");
    public static readonly Asset Usdt = new("USDT");
    public static readonly ExchangeAccount Account = new("bybit-key", "bybit-secret", null);

    /// Bounds a wait for something that normally is there at once; it only limits a failure.
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private readonly List<BybitV5Venue> _connectors = [];

    private BybitHarness(SimulatedVenue venue, TimeProvider clock, ExchangeServer server)
    {
        Venue = venue;
        Clock = clock;
        Server = server;
    }

    public SimulatedVenue Venue { get; }

    public TimeProvider Clock { get; }

    public ExchangeServer Server { get; }

    public Uri RestUrl => Server.Endpoints[0].RestUrl;

    public Instrument Instrument => Venue.Instruments[0];

    /// Market changes the flat market (its price path, its interval changes); balance is the USDT wallet.
    public static async Task<BybitHarness> StartAsync(TimeProvider? clock = null, IEnumerable<VenueFault>? faults = null, int ordersPerSecond = 10,
        TimeSpan? requestTimeout = null, Func<DateTimeOffset, MarketSettings, MarketSettings>? market = null, decimal balance = 100_000m)
    {
        clock ??= new VirtualClock();
        var start = clock.GetUtcNow();
        var settings = new SimulatedVenueSettings(VenueId)
        {
            Fees = new FeeSchedule(0.0002m, 0.00055m),
            Leverage = 10m,
            FundingInterval = TimeSpan.FromHours(8),
            Balances = [new Money(balance, Usdt)],
            PostOnly = PostOnlyStyle.CancelAfterAccept,
            RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(10),
        };
        var instrument = new Instrument(VenueId, BtcUsdt, new Asset("BTC"), Usdt, new TradingRules(0.1m, 0.001m, 0.001m, 5m));
        var flat = new MarketSettings(instrument, new PricePathModel([new PricePoint(start, 1000m)]))
        {
            SpreadBps = 10m,
            Depth = new BookDepth(5, 10_000m, 10m),
            Funding = FundingPathModel.Constant(0.0001m),
        };
        var venue = new SimulatedVenue(settings, [market?.Invoke(start, flat) ?? flat], faults ?? [], 7, clock);
        var server = await ExchangeServer.StartAsync([(new ServedVenue(venue, Account, clock), new BybitV5Protocol { OrderRequestsPerSecond = ordersPerSecond, PrivateIdleLimit = null }, 0)]);
        return new BybitHarness(venue, clock, server);
    }

    public BybitV5Venue Connect(string? apiKey = null, string? apiSecret = null, int ordersPerSecond = 10)
    {
        var options = BybitV5Options.AtRoot(VenueId, RestUrl, apiKey ?? Account.ApiKey, apiSecret ?? Account.ApiSecret) with
        {
            OrderRequestsPerSecond = ordersPerSecond,
        };
        var connector = new BybitV5Venue(options, TimeProvider.System);
        _connectors.Add(connector);
        return connector;
    }

    public void Advance(TimeSpan delta) => ((VirtualClock)Clock).Advance(delta);

    public OrderRequest Limit(string id, OrderSide side, decimal quantity, decimal price, bool reduceOnly = false) =>
        OrderRequest.Limit(new ClientOrderId(id), Instrument, side, quantity, price, reduceOnly: reduceOnly);

    public OrderRequest Market(string id, OrderSide side, decimal quantity) => OrderRequest.Market(new ClientOrderId(id), Instrument, side, quantity);

    public OrderRequest PostOnly(string id, OrderSide side, decimal quantity, decimal price) =>
        OrderRequest.PostOnly(new ClientOrderId(id), Instrument, side, quantity, price);

    public static async Task<T> NextAsync<T>(IAsyncEnumerator<T> stream)
    {
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Deadline), "the stream ended");
        return stream.Current;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connector in _connectors)
        {
            connector.Dispose();
        }

        await Server.DisposeAsync();
        Venue.Dispose();
    }
}
