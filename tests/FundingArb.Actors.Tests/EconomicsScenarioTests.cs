using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

// The bars of the strategy's economics, on the scenarios shipped for them (hocon/scenarios/economics-*.conf and the
// calm one), run as shipped with the strategy's default entry and exit settings.
public sealed class EconomicsScenarioTests
{
    private static readonly DateTimeOffset s_start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static SimulationResult Run(string file) =>
        ScenarioSimulation.Run(ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", file)));

    private static decimal Net(SimulationResult result) => result.Economics.NetQuote;

    private static int Entries(SimulationResult result, string asset) =>
        result.Executors.Count(e => e.Spec.Asset == asset && e.OpenedAt is not null);

    [Fact]
    public void SteadyEdge_IsHeldAtAProfit_CapturingMostOfTheOracle_AndTheNoiseOnlyAssetIsEnteredAtMostOnce()
    {
        var result = Run("economics-steady-edge.conf");

        Assert.True(Net(result) > 0m, $"net {Net(result)}");
        Assert.True(result.Economics.CaptureRatio >= 0.7m, $"capture {result.Economics.CaptureRatio}, oracle {result.Economics.OracleQuote}");
        var btc = Assert.Single(result.Executors, e => e.Spec.Asset == "BTC");
        Assert.Equal(("beta", PairPhase.Open), (btc.Spec.ShortVenue, btc.Phase));
        Assert.InRange(Entries(result, "ETH"), 0, 1);
    }

    [Fact]
    public void NoiseOnly_IsEnteredAtMostTwice_AndLosesAtMostOneRoundTrip()
    {
        var result = Run("economics-noise.conf");

        // The dearest round trip the scenario allows: four taker fills at its highest taker fee, 0.055 %, on 20,000.
        var roundTrip = 4m * 0.00055m * 20_000m;
        Assert.InRange(result.Economics.RoundTrips, 0, 2);
        Assert.True(Net(result) >= -roundTrip, $"net {Net(result)}, one round trip {roundTrip}");
    }

    [Fact]
    public void DecayingEdge_ThePairOnTheDyingEdgeIsClosedByDayNine_AtAProfit()
    {
        var result = Run("economics-decaying-edge.conf");

        var dying = result.Executors.Where(e => e.Spec.Asset == "BTC" && e.Spec.ShortVenue == "beta").ToList();
        Assert.NotEmpty(dying);
        Assert.All(dying, pair => Assert.True(pair.Phase == PairPhase.Closed && pair.ClosedAt <= s_start.AddDays(9),
            $"{pair.Spec.ExecutorId} {pair.Phase}, closed at {pair.ClosedAt}"));
        Assert.True(Net(result) > 0m, $"net {Net(result)}");
    }

    [Fact]
    public void CalmFortnight_EarnsMoreFundingThanItPaysInFees_ByTwoToOne()
    {
        var result = Run("calm-three-venues.conf");

        Assert.True(Net(result) > 0m, $"net {Net(result)}");
        Assert.True(result.Economics.FeeToFundingRatio < 0.5m, $"fees {result.Economics.FeesQuote}, funding {result.Economics.FundingQuote}");
    }
}
