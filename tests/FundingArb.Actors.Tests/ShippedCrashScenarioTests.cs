using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

// The crash scenarios shipped under hocon/scenarios/ (crash-*.conf), each run as shipped and again without its
// crash-and-restart faults. What must hold, as in CrashRecoveryTests: one recovery per crash, nothing sent twice, flat
// or hedged at the end, every journal contiguous, and the pairs ending as in the calm run. The timing must differ:
// each file promises a crash that catches orders in flight, which delays the outcome by the venues' request window.
public sealed class ShippedCrashScenarioTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "scenarios"), "crash-*.conf").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Files))]
    public void ShippedCrashScenario_RecoversFromEveryCrash_ToTheOutcomeOfTheCalmRun(string file)
    {
        var scenario = ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", file));
        Assert.NotEmpty(scenario.CrashRestarts);
        var calm = ScenarioSimulation.Run(scenario with { CrashRestarts = [] });
        var journal = new ScenarioJournal();

        var crashed = ScenarioSimulation.Run(scenario, journal);

        Assert.Equal(scenario.CrashRestarts.Length, crashed.Recoveries);
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(crashed));
        Assert.Equal(0m, crashed.Exposure.AtEndQuote);
        Assert.Equal(Outcome(calm), Outcome(crashed));
        Assert.NotEqual(Timing(calm), Timing(crashed));
        foreach (var id in crashed.Executors.Select(e => e.Spec.ExecutorId).Append(OrchestratorActor.Id))
        {
            JournalAssert.Contiguous(journal, id, file);
        }
    }

    private static string Outcome(SimulationResult result) => string.Join("; ", result.Executors.Select(e =>
        $"{e.Spec.ExecutorId} {e.Phase} {e.CloseType} long {e.LongQuantity} short {e.ShortQuantity} funding {e.FundingQuote} net {e.NetPnlQuote}"));

    private static string Timing(SimulationResult result) => string.Join("; ", result.Executors.Select(e => $"{e.OpenedAt:O} {e.ClosedAt:O}"));
}
