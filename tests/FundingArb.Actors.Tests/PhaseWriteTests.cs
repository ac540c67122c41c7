using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;

namespace FundingArb.Actors.Tests;

// A phase whose legs start at market writes both legs' first orders with the phase event, so the decision reaches
// the venues after one journal write. What must hold: the phase and its intents are one atomic write, the venues
// receive exactly those orders (under the intents' client order ids), and nothing is intended twice.
public sealed class PhaseWriteTests
{
    [Fact]
    public void Exit_WritesBothCloseIntentsWithThePhase_AndTheVenuesReceiveThoseOrders()
    {
        var journal = new ScenarioJournal();
        var scenario = TwoVenueScenario.Create(strategy: "cooldown = 1d", betaFunding: ", { at = 3h, rate = -0.0002 }", duration: "4h");

        var result = ScenarioSimulation.Run(scenario, journal);

        Assert.Equal(PairPhase.Closed, Assert.Single(result.Executors).Phase);
        var write = Assert.Single(PairWrites(journal), w => w[0] is PairExitStarted);
        Assert.Equal(["exit-long", "exit-short"], write.Skip(1).Select(e => ((PairOrderIntended)e).Leg));
        AssertTheVenuesReceived(result, write.Skip(1).Cast<PairOrderIntended>(), reduceOnly: true);
        Assert.Equal(2, PairWrites(journal).SelectMany(w => w).Count(e => e is PairOrderIntended { Leg: "exit-long" or "exit-short" }));
    }

    [Theory]
    [InlineData("market-only", 2)]
    [InlineData("limit-with-fallback", 0)]
    public void Entry_WritesItsFirstOrdersWithThePhase_OnlyWhenItsLegsStartAtMarket(string mode, int intentsWithThePhase)
    {
        var journal = new ScenarioJournal();
        var scenario = TwoVenueScenario.Create(strategy: $"execution {{ mode = {mode} }}", duration: "1h");

        var result = ScenarioSimulation.Run(scenario, journal);

        Assert.Equal(PairPhase.Open, Assert.Single(result.Executors).Phase);
        var write = Assert.Single(PairWrites(journal), w => w[0] is PairEntryStarted);
        Assert.Equal(intentsWithThePhase, write.Count - 1);
        if (intentsWithThePhase > 0)
        {
            AssertTheVenuesReceived(result, write.Skip(1).Cast<PairOrderIntended>(), reduceOnly: false);
        }
    }

    private static void AssertTheVenuesReceived(SimulationResult result, IEnumerable<PairOrderIntended> intents, bool reduceOnly)
    {
        foreach (var intent in intents)
        {
            var order = Assert.Single(result.Venues.Single(v => v.Id.Value == intent.Venue).Orders,
                o => o.Order.Request.ClientOrderId.Value == intent.ClientOrderId).Order.Request;
            Assert.Equal((intent.Side, intent.Quantity, reduceOnly), (order.Side, order.Quantity, order.ReduceOnly));
        }
    }

    /// The payloads of every atomic write of an executor, in the order they were written.
    private static List<List<object>> PairWrites(ScenarioJournal journal) =>
        [.. journal.Writes.Where(w => w[0].PersistenceId.StartsWith("pair-", StringComparison.Ordinal)).Select(w => w.Select(p => p.Payload).ToList())];
}
