using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

// For every event a pair's life cycle writes, the node is killed right after the journal took that event and
// restarted on the same journal at the same instant (and separately, only the executor that wrote the event is
// killed, and restarted by the orchestrator from its journal); the venues keep running. What must hold after each crash:
// nothing was sent twice, both venues end flat or hedged, each journal is contiguous, and the pairs end as in
// the run without the crash (timing aside). One exception is inherent: when the node dies holding a venue's refusal
// it had not yet written down, the venue keeps no record of a refused order, so after recovery the order is one
// that never arrived and the entry is tried again; the pair must then end hedged, never one-legged.
public sealed class CrashRecoveryTests
{
    public static TheoryData<string, CrashTarget> LifeCycles() => new()
    {
        { "entry-funding-exit", CrashTarget.Node },
        { "entry-rollback", CrashTarget.Node },
        { "entry-funding-exit", CrashTarget.Writer },
        { "entry-rollback", CrashTarget.Writer },
    };

    [Theory]
    [MemberData(nameof(LifeCycles))]
    public void CrashRightAfterEachEvent_RecoversToTheSameOutcome(string lifeCycle, CrashTarget target)
    {
        var scenario = Scenario(lifeCycle);
        var calmJournal = new ScenarioJournal();
        var calm = ScenarioSimulation.Run(scenario, calmJournal);
        Assert.InRange(calm.JournalEvents, 8, 400);

        // The orchestrator's registration comes before any event of the executor it registers; a writer crash on
        // it kills nothing.
        var registrations = JournalAssert.SequenceNrs(calmJournal, OrchestratorActor.Id).Count;
        for (var n = 1; n <= calm.JournalEvents; n++)
        {
            var journal = new ScenarioJournal();
            var crashed = ScenarioSimulation.Run(scenario, journal, crashAfterEvents: [n], crashTarget: target);

            var expectedRecoveries = target == CrashTarget.Node || n > registrations ? 1 : 0;
            Assert.True(crashed.Recoveries == expectedRecoveries, $"crash after event {n}: {crashed.Recoveries} recoveries");
            Assert.True(ScenarioReport.DuplicateClientOrderIds(crashed) == 0, $"crash after event {n}: a client order id was sent twice");
            Assert.True(crashed.Exposure.AtEndQuote == 0m, $"crash after event {n}: unhedged {crashed.Exposure.AtEndQuote} at the end");
            Assert.True(Outcome(calm) == Outcome(crashed) || (LostARefusal(journal, crashed) && IsHedged(crashed)),
                $"crash after event {n}: {Outcome(crashed)} instead of {Outcome(calm)}");
            foreach (var id in crashed.Executors.Select(e => e.Spec.ExecutorId).Append(OrchestratorActor.Id))
            {
                JournalAssert.Contiguous(journal, id, $"crash after event {n}");
            }
        }
    }

    private static Scenario Scenario(string lifeCycle) => lifeCycle switch
    {
        "entry-funding-exit" => TwoVenueScenario.Create(betaFunding: ", { at = 3h, rate = -0.0002 }", strategy: "cooldown = 1d", duration: "4h"),
        _ => TwoVenueScenario.Create(faults: "{ at = 0s, venue = beta, kind = reject-orders, count = 1, error = InsufficientMargin }",
            strategy: "cooldown = 1d", duration: "1h"),
    };

    private static string Outcome(SimulationResult result) => string.Join("; ", result.Executors.Select(e =>
        $"{e.Spec.ExecutorId} {e.Phase} {e.CloseType} long {e.LongQuantity} short {e.ShortQuantity} funding {e.FundingQuote}"));

    private static bool IsHedged(SimulationResult result) =>
        result.Executors.All(e => e.LongQuantity == -e.ShortQuantity && e.LongQuantity > 0m && e.Phase == PairPhase.Open);

    /// The venues refused an order, and the executor's journal holds no refusal (the lookup after recovery found the
    /// order unknown, which is all a venue says of an order it refused).
    private static bool LostARefusal(ScenarioJournal journal, SimulationResult result)
    {
        var refusals = result.Venues.Sum(v => v.Rejections.Length);
        var recorded = result.Executors.Sum(e => journal.Events(e.Spec.ExecutorId).Count(p => p.Payload is PairOrderResolved { Refusal: not null }));
        return refusals > recorded;
    }
}
