using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Binance;
using FundingArb.Venues.Bybit;
using FundingArb.Venues.Okx;
using FundingArb.Venues.Paper;
using FundingArb.Venues.Simulation;

namespace FundingArb.Exchange.Tests.Paper;

/// One simulated venue served on loopback in one of the three protocols, on a virtual clock the test advances, and a
/// paper venue on the protocol's connector. BTCUSDT sits at a mid of 1000 with best bid 999.5 and best ask 1000.5, five
/// levels 10 bps apart of 10,000 USDT each, and pays 0.0001 per 8 h; the first settlement is at 08:00, an hour after
/// the start. The exchange account's keys are never given to the connector: paper mode sends no signed request.
internal sealed class PaperExchange : IAsyncDisposable
{
    public const decimal Rate = 0.0001m;

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 7, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset FirstSettlement = Start.AddHours(1);
    public static readonly Asset Usdt = new("USDT");
    public static readonly ExchangeAccount Account = new("paper-test-key", "paper-test-secret", "paper-test-pass");

    /// Bounds a wait for something that normally happens at once; it only limits a failure.
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private PaperExchange(string protocol, VirtualClock clock, SimulatedVenue exchange, ExchangeServer server)
    {
        Protocol = protocol;
        Clock = clock;
        Exchange = exchange;
        Server = server;
    }

    public string Protocol { get; }

    public VirtualClock Clock { get; }

    /// The exchange's venue as the exchange itself holds it: its orders and positions are the account's at the exchange.
    public SimulatedVenue Exchange { get; }

    public ExchangeServer Server { get; }

    public VenueId Id => Exchange.Id;

    /// The mid moves along path (times after Start) when given, else stays at 1000.
    public static async Task<PaperExchange> StartAsync(string protocol, ImmutableArray<PricePoint>? path = null)
    {
        var clock = new VirtualClock(Start);
        var id = new VenueId(protocol.Split('-')[0]);
        var rules = protocol == "okx-v5" ? new TradingRules(0.1m, 1m, 1m, 0m, 0.01m) : new TradingRules(0.1m, 0.001m, 0.001m, 5m);
        var instrument = new Instrument(id, new Symbol("BTCUSDT"), new Asset("BTC"), Usdt, rules);
        var settings = new SimulatedVenueSettings(id)
        {
            Fees = new FeeSchedule(0.0002m, 0.0005m),
            Balances = [new Money(100_000m, Usdt)],
            PostOnly = protocol == "binance-usdm" ? PostOnlyStyle.RejectOnSubmit : PostOnlyStyle.CancelAfterAccept,
        };
        var market = new MarketSettings(instrument, new PricePathModel(path ?? [new PricePoint(Start, 1000m)]))
        {
            SpreadBps = 10m,
            Depth = new BookDepth(5, 10_000m, 10m),
            Funding = FundingPathModel.Constant(Rate),
        };
        var exchange = new SimulatedVenue(settings, [market], [], 16, clock);
        var served = ExchangeProtocols.Find(protocol) ?? throw new ArgumentException($"no protocol {protocol}", nameof(protocol));
        var server = await ExchangeServer.StartAsync([(new ServedVenue(exchange, Account, clock), served, 0)]);
        return new PaperExchange(protocol, clock, exchange, server);
    }

    /// The protocol's connector with keys the exchange does not know, wrapped in a paper account of 10,000 USDT.
    public PaperVenue Paper(PaperVenueSnapshot? saved = null, Action<PaperVenueSnapshot>? persist = null) =>
        new(Connector(), new PaperVenueSettings
        {
            Balances = [new Money(10_000m, Usdt)],
            Fees = new FeeSchedule(0.0002m, 0.0005m),
            PostOnly = Protocol == "binance-usdm" ? PostOnlyStyle.RejectOnSubmit : PostOnlyStyle.CancelAfterAccept,
            FundingPollInterval = TimeSpan.FromMilliseconds(50),
            ResubscribeDelay = TimeSpan.FromMilliseconds(50),
        }, TimeProvider.System, saved, persist);

    public static async Task<Instrument> BtcAsync(IVenue venue) =>
        (await venue.GetInstrumentsAsync(Guard()).AsTask().WaitAsync(Deadline)).Single(i => i.Base.Code == "BTC");

    /// A token that fails a test which would otherwise wait forever; never a way to wait for something.
    public static CancellationToken Guard() => new CancellationTokenSource(Deadline).Token;

    /// The next user event of the kind, skipping others.
    public static async Task<T> NextAsync<T>(IAsyncEnumerator<UserEvent> events)
        where T : UserEvent
    {
        while (await events.MoveNextAsync().AsTask().WaitAsync(Deadline))
        {
            if (events.Current is T wanted)
            {
                return wanted;
            }
        }

        throw new InvalidOperationException("The user stream ended.");
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Exchange.Dispose();
    }

    private IVenue Connector()
    {
        var endpoint = Server.Endpoints[0];
        const string Key = "not-an-exchange-key";
        const string Secret = "not-an-exchange-secret";
        return Protocol switch
        {
            "binance-usdm" => new BinanceUsdmVenue(new BinanceUsdmOptions(Id, endpoint.RestUrl, new Uri(endpoint.WebSocketUrl.GetLeftPart(UriPartial.Authority)),
                Key, Secret), TimeProvider.System),
            "bybit-v5" => new BybitV5Venue(BybitV5Options.AtRoot(Id, endpoint.RestUrl, Key, Secret), TimeProvider.System),
            "okx-v5" => new OkxV5Venue(OkxV5Options.AtRoot(Id, endpoint.RestUrl, Key, Secret, "not-a-passphrase"), TimeProvider.System),
            _ => throw new InvalidOperationException($"no connector for {Protocol}"),
        };
    }
}
