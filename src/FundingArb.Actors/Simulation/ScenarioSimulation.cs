using System.Collections.Immutable;
using FundingArb.Actors.Control;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Kernel;
using FundingArb.Kernel.Configuration;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Snapshot;
using FundingArb.Trading.Analytics;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Simulation;

// Virtual time, stepped timer by timer: advance the clock to the next due timer (venue steps, actor timers), then
// run every actor that has work on this thread (DeterministicDispatcher) until none has. Venues complete requests
// and streams on the clock's thread and the journal answers synchronously, so the same scenario and seed give
// the same interleaving, and the same report, on every run. A crash-and-restart fault terminates the actor
// system at its instant and starts a new one on the same journal; the venues keep running, as real ones would.

/// Runs a scenario against simulated venues with the real actors and a journal, on virtual time.
public sealed class ScenarioSimulation
{
    private const string SystemName = "fundingarb";
    private readonly Scenario _scenario;
    private readonly NodeActorSettings _settings;
    private readonly SimulationJournal _journal;
    private readonly SimulationSnapshotStore _snapshots;

    private ScenarioSimulation(Scenario scenario, SimulationJournal journal, SimulationSnapshotStore snapshots, NodeActorSettings settings)
    {
        _scenario = scenario;
        _journal = journal;
        _snapshots = snapshots;
        _settings = settings;
    }

    /// Runs the scenario on the journal and snapshot store, which the caller owns and disposes.
    public static SimulationResult Run(Scenario scenario, AsyncWriteJournal journal, SnapshotStore snapshots, NodeActorSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(snapshots);
        return new ScenarioSimulation(scenario, new SimulationJournal(journal), new SimulationSnapshotStore(snapshots), settings ?? SettingsFor(scenario)).Run();
    }

    /// The node settings a scenario implies: its `strategy.funding-arb` over the defaults, its venues' fees.
    public static NodeActorSettings SettingsFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var section = scenario.Strategy.HasPath("funding-arb") ? scenario.Strategy.GetConfig("funding-arb") : ConfigurationFactory.Empty;
        var strategy = FundingArbSettingsReader.Read(section) with
        {
            Fees = scenario.Venues.ToImmutableDictionary(v => v.Settings.Id.Value, v => v.Settings.Fees),
        };
        return NodeActorSettings.Default with { Orchestrator = OrchestratorSettings.Default with { Strategy = strategy } };
    }

    private SimulationResult Run()
    {
        var clock = new VirtualClock(_scenario.Start);
        var venues = _scenario.CreateVenues(clock);
        var exposure = new ExposureWatch(venues, _scenario.Venues.SelectMany(v => v.Markets).Select(m => m.Instrument));
        var equity = new List<EquityPoint>();
        var recoveries = 0;
        try
        {
            var (system, dispatcher, node) = StartNode(clock, venues);
            foreach (var crash in _scenario.CrashRestarts.Where(c => c < _scenario.End))
            {
                Step(clock, dispatcher, crash, venues, exposure, equity);
                dispatcher.RunUntilCompleted(system.Terminate());
                recoveries++;
                (system, dispatcher, node) = StartNode(clock, venues);
            }

            Step(clock, dispatcher, _scenario.End, venues, exposure, equity);
            var executors = Ask<ExecutorsReport>(dispatcher, node.Orchestrator, GetExecutors.Instance).Executors;
            var performance = Ask<PerformanceReported>(dispatcher, node.Orchestrator, GetPerformance.Instance).Report;
            dispatcher.RunUntilCompleted(system.Terminate());
            var events = CountEvents(executors.Select(e => e.Spec.ExecutorId).Append("orchestrator"));
            return new SimulationResult(_scenario.Name, _scenario.Seed, executors, [.. venues.Select(VenueOutcome.Of)], exposure.Result(), events, recoveries, performance,
                TradeAnalytics.Equity(equity, TimeSpan.FromHours(1)));
        }
        finally
        {
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }
    }

    private (ActorSystem System, DeterministicDispatcher Dispatcher, FundingArbNode Node) StartNode(VirtualClock clock, ImmutableArray<SimulatedVenue> venues)
    {
        var dispatcher = new DeterministicDispatcher();
        var system = ActorSystem.Create(SystemName, null, clock, dispatcher);
        var persistence = Persistence.Get(system);
        persistence.RegisterJournal(persistence.DefaultJournalPluginId, () => _journal);
        persistence.RegisterSnapshotStore(persistence.DefaultSnapshotStorePluginId, () => _snapshots);
        var node = FundingArbNode.Start(system, venues, _settings);
        dispatcher.RunUntilIdle();
        return (system, dispatcher, node);
    }

    private static void Step(VirtualClock clock, DeterministicDispatcher dispatcher, DateTimeOffset until, ImmutableArray<SimulatedVenue> venues,
        ExposureWatch exposure, List<EquityPoint> equity)
    {
        var nextEquity = NextHour(clock.GetUtcNow());
        while (true)
        {
            if (dispatcher.RunUntilIdle() > 0)
            {
                exposure.Sample(clock.GetUtcNow());
            }

            var now = clock.GetUtcNow();
            if (now >= nextEquity)
            {
                equity.Add(new EquityPoint(now, venues.Sum(v => v.Balances.Sum(b => b.Equity))));
                nextEquity = NextHour(now);
            }

            if (clock.NextDueAt is not { } due || due > until)
            {
                if (now < until)
                {
                    clock.AdvanceTo(until);
                    dispatcher.RunUntilIdle();
                    exposure.Sample(until);
                }

                return;
            }

            clock.AdvanceTo(due > now ? due : now);
            if (due <= now)
            {
                clock.Advance(TimeSpan.Zero);
            }
        }
    }

    private static DateTimeOffset NextHour(DateTimeOffset now) => new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, now.Offset).AddHours(1);

    private static T Ask<T>(DeterministicDispatcher dispatcher, IActorRef actor, object question)
    {
        var answer = actor.Ask<T>(question, TimeSpan.FromMinutes(1));
        dispatcher.RunUntilCompleted(answer);
        return answer.GetAwaiter().GetResult();
    }

    private long CountEvents(IEnumerable<string> persistenceIds) =>
        persistenceIds.Sum(id => _journal.ReadHighestSequenceNrAsync(id, 0, CancellationToken.None).GetAwaiter().GetResult());
}
