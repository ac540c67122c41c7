using FundingArb.Exchange.Okx;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Exchange.Tests.Okx;

/// One simulated venue served as okx-v5 on loopback, and the OKX connector pointed at it. BTCUSDT trades in contracts of
/// 0.01 BTC (lotSz 1, minSz 1) at a flat mid of 60000 and pays 0.0001 per 8 h; post-only orders that would cross are
/// accepted and then cancelled, as OKX does. The connector pings on system time while tests move the venue's clock, so
/// the venue's 30 s idle cut-off of private sessions is off unless a test brings its own protocol.
internal sealed class OkxExchange : IAsyncDisposable
{
    public const decimal ContractValue = 0.01m;
    public const decimal Mid = 60000m;
    public const decimal Rate = 0.0001m;

    public static readonly Symbol Simulated = new("BTCUSDT");
    public static readonly Symbol InstId = new("BTC-USDT-SWAP");
    public static readonly ExchangeAccount Account = new("okx-key", "okx-secret", "okx-passphrase");
    public static readonly DateTimeOffset VirtualStart = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private OkxExchange(SimulatedVenue venue, ExchangeServer server, OkxV5Venue connector)
    {
        Venue = venue;
        Server = server;
        Connector = connector;
    }

    public SimulatedVenue Venue { get; }

    public ExchangeServer Server { get; }

    public OkxV5Venue Connector { get; }

    public Uri RestUrl => Server.Endpoints[0].RestUrl;

    /// venueClock drives the venue and the server's signature window (TimeProvider.System unless a test needs to move time).
    public static async Task<OkxExchange> StartAsync(TimeProvider? venueClock = null, IEnumerable<VenueFault>? faults = null,
        OkxV5Protocol? protocol = null, Func<OkxV5Options, OkxV5Options>? options = null, ExchangeAccount? connectorAccount = null,
        TimeSpan? venueRequestTimeout = null, IEnumerable<IntervalChange>? intervalChanges = null)
    {
        var clock = venueClock ?? TimeProvider.System;
        var instrument = new Instrument(new VenueId("okx"), Simulated, new Asset("BTC"), new Asset("USDT"),
            new TradingRules(0.1m, 1m, 1m, 0m, ContractValue));
        var settings = new SimulatedVenueSettings(new VenueId("okx"))
        {
            PostOnly = PostOnlyStyle.CancelAfterAccept,
            Fees = new FeeSchedule(0.0002m, 0.0005m),
            Balances = [new Money(100_000m, new Asset("USDT"))],
            RequestTimeout = venueRequestTimeout ?? TimeSpan.FromSeconds(10),
        };
        var market = new MarketSettings(instrument, new PricePathModel([new PricePoint(DateTimeOffset.UnixEpoch, Mid)]))
        {
            Funding = FundingPathModel.Constant(Rate),
            SpreadBps = 1m,
            IntervalChanges = [.. intervalChanges ?? []],
        };
        var venue = new SimulatedVenue(settings, [market], faults ?? [], seed: 16, clock);
        var server = await ExchangeServer.StartAsync([(new ServedVenue(venue, Account, clock), (IVenueProtocol)(protocol ?? new OkxV5Protocol { PrivateIdleLimit = null }), 0)]);
        var account = connectorAccount ?? Account;
        var connectorOptions = OkxV5Options.AtRoot(venue.Id, server.Endpoints[0].RestUrl, account.ApiKey, account.ApiSecret, account.Passphrase!);
        var connector = new OkxV5Venue(options is null ? connectorOptions : options(connectorOptions), TimeProvider.System);
        return new OkxExchange(venue, server, connector);
    }

    public async ValueTask DisposeAsync()
    {
        Connector.Dispose();
        await Server.DisposeAsync();
        Venue.Dispose();
    }
}
