using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using FundingArb.Kernel;
using FundingArb.Kernel.TestKit;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Liquidity;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

namespace FundingArb.Actors.Tests;

public sealed class LegSupervisionTests : TestKit
{
    private static readonly DateTimeOffset s_at = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly VenueId s_alpha = new("alpha");
    private static readonly VenueId s_beta = new("beta");
    private static readonly Symbol s_btcUsdt = new("BTCUSDT");

    [Fact]
    public void OrderActorThatFails_WithAnOrderResting_IsReplacedFromTheJournal_WhichLooksTheOrderUpInsteadOfPlacingAgain()
    {
        var alpha = CreateTestProbe("alpha");
        var beta = CreateTestProbe("beta");
        var spec = new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m);
        var settings = FundingArbSettings.Default with
        {
            Orders = OrderSettings.Default with { Mode = ExecutionMode.LimitWithFallback, RequestTimeout = TimeSpan.FromMilliseconds(200) },
        };
        var gateways = new Dictionary<VenueId, IActorRef> { [s_alpha] = alpha.Ref, [s_beta] = beta.Ref };
        var executor = Sys.ActorOf(FundingArbExecutor.Props(spec, gateways, CreateTestProbe("market-data").Ref, settings,
            RiskGateSettings.Default.OrderLimits), spec.ExecutorId);
        executor.Tell(new MarketUpdated(Quote(s_alpha, 60_000m, 0.0001m)));
        executor.Tell(new MarketUpdated(Quote(s_beta, 60_010m, 0.0004m)));
        alpha.FishForMessage<FetchBook>(_ => true);
        alpha.Reply(new BookFetched(s_alpha, Book(s_alpha, 60_000m)));
        var placed = alpha.FishForMessage<PlaceOrder>(_ => true);
        var firstLeg = alpha.LastSender;
        alpha.Reply(new OrderPlaced(placed.Request.ClientOrderId, new OrderAck(placed.Request.ClientOrderId, "v-1", OrderStatus.Open, 0m, s_at)));

        // A malformed answer makes the order actor throw while its post-only order rests at the venue.
        firstLeg.Tell(new BookFetched(s_alpha, null!), alpha.Ref);

        var next = alpha.FishForMessage<object>(m => m is QueryOrder or FetchBook or PlaceOrder);
        var query = Assert.IsType<QueryOrder>(next);
        Assert.Equal(placed.Request.ClientOrderId, query.ClientOrderId);
        Assert.NotEqual(firstLeg, alpha.LastSender);
    }

    private static MarketQuote Quote(VenueId venue, decimal mid, decimal rate) =>
        new(new Instrument(venue, s_btcUsdt, new Asset("BTC"), new Asset("USDT"), new TradingRules(0.1m, 0.001m, 0.001m, 5m)),
            new FundingInfo(venue, s_btcUsdt, new FundingRate(rate, TimeSpan.FromHours(8)), rate, s_at.AddHours(8), mid, mid, PriceBasis.Mark, s_at),
            Book(venue, mid));

    private static OrderBookSnapshot Book(VenueId venue, decimal mid) =>
        new(venue, s_btcUsdt, [new BookLevel(mid - 0.5m, 10m)], [new BookLevel(mid + 0.5m, 10m)], 1, s_at);
}
