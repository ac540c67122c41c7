using FundingArb.Actors.Simulation;

namespace FundingArb.Actors.Tests;

// The controller's entry economics in the two-venue world, scanning every minute.
public sealed class ControllerEntryTests
{
    // Beta's 0.0012 per day against alpha's 0.0003 pays 0.0009 × 6,000 × 3 days = 16.2 over the horizon. The round
    // trip costs 12 in taker fees (four fills at 0.05 % of 6,000) and about 1.2 of slippage (four walks of half a
    // 1 bp spread); the long leg is bought at a discount, so no basis: a cover of about 1.23.
    [Theory]
    [InlineData(1.2, 1)]
    [InlineData(1.25, 0)]
    public void Entry_NeedsItsExpectedFundingToCoverTheRoundTripCostCoverTimes(decimal cover, int pairs)
    {
        var result = ScenarioSimulation.Run(TwoVenueScenario.Create(strategy: $"entry.cost-cover = {cover}", duration: "2h"));

        Assert.Equal(pairs, result.Executors.Length);
    }

    [Theory]
    [InlineData("70m", 0)]
    [InlineData("90m", 1)]
    public void Entry_ASpreadMustLastPersistenceSamplesScans(string fallsBackAt, int pairs)
    {
        // No edge until beta's rate jumps at 1 h; it falls back 10 or 30 minutes later. Twenty scans are twenty minutes.
        var result = ScenarioSimulation.Run(TwoVenueScenario.Create(strategy: "entry.persistence-samples = 20", betaRate: 0.00001m,
            betaFunding: $", {{ at = 1h, rate = 0.0005 }}, {{ at = {fallsBackAt}, rate = 0.00001 }}", duration: "3h"));

        Assert.Equal(pairs, result.Executors.Length);
        Assert.All(result.Executors, pair => Assert.True(pair.OpenedAt >= new DateTimeOffset(2026, 3, 2, 1, 20, 0, TimeSpan.Zero), $"opened at {pair.OpenedAt}"));
    }
}
