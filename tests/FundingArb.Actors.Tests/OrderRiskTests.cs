using FundingArb.Actors.Control;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Venues;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Risk;

using static FundingArb.Actors.Tests.BtcQuotes;

namespace FundingArb.Actors.Tests;

public sealed class OrderRiskTests() : TestKit(InMemoryJournal.Config)
{
    private static readonly RiskLimits s_limits = RiskGateSettings.Default.OrderLimits with { MaxOrderSize = 1m, MaxOrderValue = 20_000m };

    [Theory]
    [InlineData("0.1", "60000", false, null)]
    [InlineData("1.5", "60000", false, "MaxOrderSize")]
    [InlineData("0.5", "60000", false, "MaxOrderValue")]
    [InlineData("0.1", "66000", false, "PriceReasonability")]
    [InlineData("1.5", "60000", true, null)]
    [InlineData("0.1", "54000", true, "PriceReasonability")]
    public void Refusal_NamesTheFirstRuleBroken_AndReduceOnlyPassesSizeAndValue(string quantity, string price, bool reduceOnly, string? rule)
    {
        var refusal = OrderRisk.Refusal(OrderSide.Buy, decimal.Parse(quantity, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), Quote(Alpha, 60_000m, 60_000m, 0.0001m), reduceOnly, s_limits, 0.0005m);

        if (rule is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.StartsWith($"pre-trade risk {rule}: ", refusal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EntryOrders_PricedFarFromMark_AreNeverIntendedNorSent_AndThePairRollsBack()
    {
        var alpha = CreateTestProbe("alpha");
        var beta = CreateTestProbe("beta");
        var spec = new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m);
        var settings = FundingArbSettings.Default with { Orders = OrderSettings.Default with { Mode = ExecutionMode.LimitWithFallback } };
        var gateways = new Dictionary<VenueId, IActorRef> { [Alpha] = alpha.Ref, [Beta] = beta.Ref };
        var executor = Sys.ActorOf(FundingArbExecutor.Props(spec, gateways, CreateTestProbe("market-data").Ref, settings, s_limits), spec.ExecutorId);

        executor.Tell(new MarketUpdated(Quote(Alpha, 60_000m, 60_000m, 0.0001m)));
        executor.Tell(new MarketUpdated(Quote(Beta, 60_010m, 60_010m, 0.0004m)));
        alpha.FishForMessage<FetchBook>(_ => true);
        alpha.Reply(new BookFetched(Alpha, Book(Alpha, 54_000m)));
        AwaitAssert(() => Assert.Equal(PairPhase.RollingBack, this.ReportOf(executor).Phase));
        beta.FishForMessage<FetchBook>(_ => true);
        beta.Reply(new BookFetched(Beta, Book(Beta, 60_010m)));

        AwaitAssert(() => Assert.Equal(PairPhase.Closed, this.ReportOf(executor).Phase));
        var report = this.ReportOf(executor);
        Assert.Equal(CloseType.RolledBack, report.CloseType);
        Assert.Contains("pre-trade risk PriceReasonability", report.CloseReason, StringComparison.Ordinal);
        Assert.Empty(report.ClientOrderIds);
        Assert.DoesNotContain(alpha.Drain().Concat(beta.Drain()), m => m is PlaceOrder);
    }
}
