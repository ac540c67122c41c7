using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues;

using static FundingArb.Actors.Tests.BtcQuotes;

namespace FundingArb.Actors.Tests;

public sealed class LegSupervisionTests() : TestKit(InMemoryJournal.Config)
{

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
        var gateways = new Dictionary<VenueId, IActorRef> { [Alpha] = alpha.Ref, [Beta] = beta.Ref };
        var executor = Sys.ActorOf(FundingArbExecutor.Props(spec, gateways, CreateTestProbe("market-data").Ref, settings,
            RiskGateSettings.Default.OrderLimits), spec.ExecutorId);
        executor.Tell(new MarketUpdated(Quote(Alpha, 60_000m, 60_000m, 0.0001m)));
        executor.Tell(new MarketUpdated(Quote(Beta, 60_010m, 60_010m, 0.0004m)));
        alpha.FishForMessage<FetchBook>(_ => true);
        alpha.Reply(new BookFetched(Alpha, Book(Alpha, 60_000m)));
        var placed = alpha.FishForMessage<PlaceOrder>(_ => true);
        var firstLeg = alpha.LastSender;
        alpha.Reply(new OrderPlaced(placed.Request.ClientOrderId, new OrderAck(placed.Request.ClientOrderId, "v-1", OrderStatus.Open, 0m, At)));

        // A malformed answer makes the order actor throw while its post-only order rests at the venue.
        firstLeg.Tell(new BookFetched(Alpha, null!), alpha.Ref);

        var next = alpha.FishForMessage<object>(m => m is QueryOrder or FetchBook or PlaceOrder);
        var query = Assert.IsType<QueryOrder>(next);
        Assert.Equal(placed.Request.ClientOrderId, query.ClientOrderId);
        Assert.NotEqual(firstLeg, alpha.LastSender);
    }
}
