using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using FundingArb.Actors.Control;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Benchmarks.Actors;

/// The world of the latency, funding-cycle and recovery figures: assets A0..An-1 listed on alpha and beta (both
/// 8 h funding, zero latency, flat prices), beta paying 0.001 per 8 h against alpha's 0.0001, so every asset is
/// worth a pair long alpha, short beta. Prices step hourly: nothing here depends on price moves.
internal static class PairWorld
{
    public const string LongVenue = "alpha";
    public const string ShortVenue = "beta";
    public const decimal SizeQuote = 1_000m;

    /// A rate for the short venue that turns every pair's spread (-0.003 - 0.0003 per day) below the funding-flip
    /// rule's default threshold (-0.001 per day).
    public const decimal FlippedRate = -0.001m;

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly ConcurrentDictionary<int, Scenario> s_scenarios = new();

    public static string Asset(int index) => string.Create(CultureInfo.InvariantCulture, $"A{index}");

    public static string Symbol(int index) => Asset(index) + "USDT";

    /// The orchestrator's id for the generation-th pair of the asset at index (1 for the first).
    public static string ExecutorId(int index, int generation) =>
        string.Create(CultureInfo.InvariantCulture, $"pair-{Asset(index)}-{LongVenue}-{ShortVenue}-{generation}");

    public static CreateExecutor Create(int index) => new(Asset(index), LongVenue, Symbol(index), ShortVenue, Symbol(index), "USDT", SizeQuote);

    /// The scenario of that many assets, parsed once per process: a scenario is immutable (each node creates venues of
    /// its own from it), and parsing a thousand assets takes seconds (FundingArb.Venues.Hocon rewrites the text once
    /// per scanner edit).
    public static Scenario Scenario(int assets) => s_scenarios.GetOrAdd(assets, Parse);

    /// The node as configured for these figures. The gateways' token bucket (50 requests/s, refilled on the clock)
    /// is opened wide, because virtual time stands still while a figure runs and the bucket would stall after its
    /// burst. Without the controller, market data refreshes once a year, so that no refresh competes with the
    /// measured path (executors read the quotes fetched at start); with it, every 5 s as by default, since the
    /// controller refuses quotes older than 15 min. The risk gate is off: these figures hold 1,000 pairs at once
    /// and pay fees on thousands of round trips, beyond its default 20 pairs and 500 of daily loss.
    public static NodeActorSettings Settings(bool controller, ExecutionMode mode) => NodeActorSettings.Default with
    {
        Risk = new RiskGateSettings { DailyLossLimit = null, MaxOpenPairs = null },
        Gateway = VenueGatewaySettings.Default with { RequestsPerSecond = 1_000_000_000m, Burst = 1_000_000 },
        MarketData = controller ? MarketDataSettings.Default : MarketDataSettings.Default with { RefreshInterval = TimeSpan.FromDays(365) },
        Orchestrator = OrchestratorSettings.Default with
        {
            ControllerEnabled = controller,
            Strategy = FundingArbSettings.Default with
            {
                MaxPairs = 100_000,
                Cooldown = TimeSpan.Zero,
                Orders = OrderSettings.Default with { Mode = mode },

                // Each scan that sees the edge is then the decision timed; the persistence filter would make it every
                // twentieth.
                Entry = FundingEntrySettings.Default with { PersistenceSamples = 1 },
            },
        },
    };

    private static Scenario Parse(int assets)
    {
        var text = new StringBuilder();
        text.Append("scenario { name = bench-actors, seed = 1, start = \"2026-03-02T00:00:00Z\", duration = 30d, step = 1h\n venues = [\n");
        foreach (var venue in new[] { LongVenue, ShortVenue })
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{{ name = {venue}, funding-interval = 8h, maker-fee = 0.0002, taker-fee = 0.0005, leverage = 10, balances {{ USDT = 1000000000 }}, instruments = [\n");
            for (var i = 0; i < assets; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{{ symbol = {Symbol(i)}, base = {Asset(i)}, quote = USDT, tick-size = 0.01, step-size = 0.001, min-size = 0.001, min-notional = 5 }}\n");
            }

            text.Append("] }\n");
        }

        text.Append("]\n markets = [\n");
        foreach (var (venue, rate) in new[] { (LongVenue, "0.0001"), (ShortVenue, "0.001") })
        {
            for (var i = 0; i < assets; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{{ venue = {venue}, symbol = {Symbol(i)}, price-points = [{{ at = 0h, mid = 100 }}], spread-bps = 1, depth {{ levels = 10, quote-per-level = 1000000 }}, funding = [{{ at = 0h, rate = {rate} }}] }}\n");
            }
        }

        text.Append("] }\n");
        return ScenarioLoader.Parse(text.ToString());
    }
}
