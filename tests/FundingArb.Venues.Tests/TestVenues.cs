using System.Collections.Immutable;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Simulation;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Tests;

/// One venue, one BTC market, a clock at 2026-01-01T00:00Z (a settlement instant of every grid) and builders for
/// the orders tests send. The default book has mid 1000, best bid 999.5 and best ask 1000.5, levels 10 bps apart
/// holding 10,000 USDT each, so sizes and prices in tests are easy to check by hand.
internal static class TestVenues
{
    public static readonly VenueId Alpha = new("alpha");
    public static readonly Asset Btc = new("BTC");
    public static readonly Asset Usdt = new("USDT");
    public static readonly Symbol BtcUsdt = new("BTCUSDT");
    public static readonly DateTimeOffset T0 = VirtualClock.DefaultStart;
    public static readonly TradingRules Rules = new(tickSize: 0.1m, stepSize: 0.001m, minSize: 0.001m, minNotional: 5m);
    public static readonly Instrument Btc1 = new(Alpha, BtcUsdt, Btc, Usdt, Rules);
    public static readonly BookDepth Depth = new(levels: 5, quotePerLevel: 10_000m, levelSpacingBps: 10m);

    public static SimulatedVenueSettings Settings(TimeSpan? interval = null) => new(Alpha)
    {
        Fees = new FeeSchedule(0.0002m, 0.0005m),
        Leverage = 10m,
        FundingInterval = interval ?? TimeSpan.FromHours(8),
        Balances = [new Money(100_000m, Usdt)],
    };

    public static MarketSettings Flat(decimal mid = 1000m) => new(Btc1, new PricePathModel([new PricePoint(T0, mid)]))
    {
        SpreadBps = 10m,
        Depth = Depth,
    };

    public static MarketSettings Path(params (TimeSpan At, decimal Mid)[] points) =>
        new(Btc1, new PricePathModel([.. points.Select(p => new PricePoint(T0 + p.At, p.Mid))]))
        {
            SpreadBps = 10m,
            Depth = Depth,
        };

    public static (VirtualClock Clock, SimulatedVenue Venue) Create(SimulatedVenueSettings? settings = null, MarketSettings? market = null,
        IEnumerable<VenueFault>? faults = null, long seed = 7)
    {
        var clock = new VirtualClock(T0);
        var venue = new SimulatedVenue(settings ?? Settings(), [market ?? Flat()], faults ?? [], seed, clock);
        return (clock, venue);
    }

    public static ClientOrderId Id(string value) => new(value);

    public static OrderRequest Market(string id, OrderSide side, decimal quantity, bool reduceOnly = false) =>
        OrderRequest.Market(Id(id), Btc1, side, quantity, reduceOnly: reduceOnly);

    public static OrderRequest Limit(string id, OrderSide side, decimal quantity, decimal price, TimeInForce timeInForce = TimeInForce.Gtc,
        bool reduceOnly = false) =>
        OrderRequest.Limit(Id(id), Btc1, side, quantity, price, timeInForce, reduceOnly);

    public static OrderRequest PostOnly(string id, OrderSide side, decimal quantity, decimal price) =>
        OrderRequest.PostOnly(Id(id), Btc1, side, quantity, price);

    /// Awaits a venue call that the test has already let complete (zero latency, or the clock advanced past it).
    public static T Done<T>(ValueTask<T> task)
    {
        Assert.True(task.IsCompleted, "the venue call should have completed on the virtual clock");
        return task.GetAwaiter().GetResult();
    }

    /// Real-time limit for an item a test expects: it is normally there already, this only bounds a failure.
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task<T> NextAsync<T>(IAsyncEnumerator<T> stream)
    {
        Assert.True(await stream.MoveNextAsync().AsTask().WaitAsync(Deadline), "the stream ended");
        return stream.Current;
    }

    public static async Task<ImmutableArray<T>> TakeAsync<T>(IAsyncEnumerator<T> stream, int count)
    {
        var items = ImmutableArray.CreateBuilder<T>(count);
        for (var i = 0; i < count; i++)
        {
            items.Add(await NextAsync(stream));
        }

        return items.MoveToImmutable();
    }
}
