using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Actors.Tests.Venues;
using FundingArb.Venues;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Tests;

// Both venues number their trades from 1, as two venues speaking Binance's protocol do, so the entry's two fills carry
// the same trade id. Each is a different trade, at a different venue, and each leg must count its own.
public sealed class VenueNumberedTradeTests
{
    [Fact]
    public void Entry_BothVenuesReportTradeOne_OpensWithBothLegs()
    {
        var scenario = TwoVenueScenario.Create(duration: "1h", latency: "300ms");
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        SimulationResult result;
        try
        {
            result = ScenarioSimulation.Run(scenario, venues: new SimulationVenues(clock, venues, [.. venues.Select(v => (IVenue)new VenueNumberedTradesVenue(v))],
                static () => false));
        }
        finally
        {
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }

        var pair = Assert.Single(result.Executors);
        Assert.Equal((PairPhase.Open, 0.099m, -0.099m), (pair.Phase, pair.LongQuantity, pair.ShortQuantity));
        Assert.Equal(["alpha 0.099", "beta -0.099"],
            result.Venues.SelectMany(v => v.Positions.Select(p => $"{v.Id.Value} {p.NetQuantity:0.########}")).Order(StringComparer.Ordinal));
    }
}
