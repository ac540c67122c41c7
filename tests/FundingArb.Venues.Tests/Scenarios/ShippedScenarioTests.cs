using FundingArb.Venues.Simulation;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation.Faults;

namespace FundingArb.Venues.Tests.Scenarios;

public sealed class ShippedScenarioTests
{
    private static Scenario Load(string name) => ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", name));

    public static TheoryData<string> Files() => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "*.conf").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedScenario_Loads_AndBuildsItsVenues(string file)
    {
        var scenario = Load(file);

        var venues = scenario.CreateVenues(new VirtualClock(scenario.Start));

        Assert.Equal(scenario.Venues.Length, venues.Length);
        Assert.All(venues, v => v.Dispose());
    }

    [Fact]
    public void CalmThreeVenues_Intervals_AreOneFourAndEightHours()
    {
        var scenario = Load("calm-three-venues.conf");

        var intervals = scenario.Venues.Select(v => v.Settings.FundingInterval.TotalHours).Order();

        Assert.Equal([1.0, 4.0, 8.0], intervals);
    }

    [Fact]
    public async Task CalmThreeVenues_ShortBetaLongAlpha_EarnsFundingOverTheDay()
    {
        var scenario = Load("calm-three-venues.conf");
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock).ToDictionary(v => v.Id.Value);
        // Requests take the venue's latency, so instruments come from the scenario rather than an awaited request.
        var alpha = scenario.Venues.Single(v => v.Settings.Id.Value == "alpha").Markets[0].Instrument;
        var beta = scenario.Venues.Single(v => v.Settings.Id.Value == "beta").Markets[0].Instrument;
        var longLeg = venues["alpha"].PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("long"), alpha, OrderSide.Buy, 0.5m), CancellationToken.None);
        var shortLeg = venues["beta"].PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("short"), beta, OrderSide.Sell, 0.5m), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal((true, true), (longLeg.IsCompleted, shortLeg.IsCompleted));
        await longLeg;
        await shortLeg;

        clock.AdvanceTo(scenario.Start.AddDays(1));

        var funding = venues["alpha"].FundingTotal(alpha.Symbol) + venues["beta"].FundingTotal(beta.Symbol);
        Assert.Equal((3, 6), (venues["alpha"].FundingPayments.Length, venues["beta"].FundingPayments.Length));
        Assert.InRange(funding, 55m, 70m);
    }

    [Fact]
    public void FaultHeavy_EveryFaultKind_IsScheduled()
    {
        var scenario = Load("fault-heavy.conf");

        var kinds = scenario.Venues.SelectMany(v => v.Faults).Select(f => f.GetType()).Distinct().Count();

        Assert.Equal(7, kinds);
        Assert.Equal([new NodeCrash(scenario.Start + TimeSpan.FromHours(9), TimeSpan.Zero)], scenario.CrashRestarts.ToArray());
        Assert.Equal(2, scenario.Actions.Length);
    }

    [Fact]
    public void FaultHeavy_RejectOrders_CarriesItsErrorAndDefaults()
    {
        var scenario = Load("fault-heavy.conf");

        var rejects = scenario.Venues.Single(v => v.Settings.Id.Value == "beta").Faults.OfType<RejectOrdersFault>().ToArray();

        Assert.Equal([(Errors.VenueError.InsufficientMargin, 1), (Errors.VenueError.VenueUnavailable, 1)], rejects.Select(r => (r.Error, r.Count)));
    }

    [Fact]
    public void Interval_Change_SettlesEightHourlyThenHourlyThenFourHourly()
    {
        var scenario = Load("interval-change.conf");
        var clock = new VirtualClock(scenario.Start);
        var alpha = scenario.CreateVenues(clock).Single(v => v.Id.Value == "alpha");
        var sol = scenario.Venues[0].Markets[0].Instrument;
        var open = alpha.PlaceOrderAsync(OrderRequest.Market(new ClientOrderId("short"), sol, OrderSide.Sell, 10m), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(open.IsCompletedSuccessfully);

        clock.AdvanceTo(scenario.End);

        var hours = alpha.FundingPayments.Select(p => (int)(p.At - scenario.Start).TotalHours).ToArray();
        Assert.Equal([8, .. Enumerable.Range(9, 16), 28, 32, 36, 40, 44, 48], hours);
    }

    [Fact]
    public void Strategy_Section_IsKeptRawForTheStrategyToBind()
    {
        var scenario = Load("calm-three-venues.conf");

        var strategy = scenario.Strategy.GetConfig("funding-arb");

        Assert.Equal((20000m, 0.001m), (strategy.GetDecimal("size-quote"), strategy.GetDecimal("min-edge-per-day")));
    }

    [Fact]
    public void CalmThreeVenues_SharedPriceStream_MovesEveryVenueTogether()
    {
        var scenario = Load("calm-three-venues.conf");
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);

        clock.Advance(TimeSpan.FromHours(6));

        var mids = venues.Select(v => v.Mid(new Symbol(v.Id.Value == "gamma" ? "BTC" : "BTCUSDT"))).ToArray();
        Assert.InRange(mids.Max() - mids.Min(), 0m, 15m);
        Assert.NotEqual(60000m, mids[0]);
    }
}
