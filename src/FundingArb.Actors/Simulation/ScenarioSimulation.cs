using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using FundingArb.Actors.Control;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Placement;
using FundingArb.Actors.Risk;
using FundingArb.Actors.Runtime;
using FundingArb.Actors.Tracking;
using FundingArb.Trading.Analytics;
using FundingArb.Venues;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;

namespace FundingArb.Actors.Simulation;

// Virtual time, stepped timer by timer: advance the clock to the next due timer (venue steps, actor timers: the actor
// system's scheduler runs on the same VirtualClock), then run every mailbox run the node's dispatchers queued, one at a
// time on this thread, until none is left. Venues complete requests and streams on the clock's thread and the journal
// answers within the run that wrote to it, so the same scenario and seed give the same interleaving, and the same
// report, on every run. A crash-and-restart fault terminates the actor system at its instant and starts a new one on
// the same journal, at once or after the fault's down time; the venues keep running, as real ones would.

/// Runs a scenario against simulated venues with the real actors and a journal, on virtual time.
public sealed class ScenarioSimulation
{
    private const string SystemName = "fundingarb";

    // Simulations log nothing unless the host asks (the scenario runner writes its report to standard output).
    private static readonly Config s_quiet = ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }");

    private readonly Scenario _scenario;
    private readonly NodeActorSettings _settings;
    private readonly ScenarioJournal _journal;
    private readonly Config _hostConfig;
    private readonly Queue<long> _crashAfterEvents;
    private readonly CrashTarget _crashTarget;
    private readonly Queue<(DateTimeOffset At, ScenarioActionCommand Command)> _actions;
    private readonly SimulationVenues? _venues;
    private Func<bool> _settle = static () => false;
    private DateTimeOffset _nextEquity;

    private ScenarioSimulation(Scenario scenario, ScenarioJournal journal, NodeActorSettings settings, Config hostConfig, IEnumerable<long> crashAfterEvents,
        CrashTarget crashTarget, SimulationVenues? venues)
    {
        _venues = venues;
        _scenario = scenario;
        _journal = journal;
        _settings = settings;
        _hostConfig = hostConfig;
        _crashAfterEvents = new Queue<long>(crashAfterEvents.Order());
        _crashTarget = crashTarget;
        _nextEquity = scenario.Start + TimeSpan.FromHours(1);
        _actions = new Queue<(DateTimeOffset, ScenarioActionCommand)>(scenario.Actions.OrderBy(a => a.At).Select(a => (a.At, ScenarioActionCommand.Parse(a.Command))));
        _journal.CrashAfter = _crashAfterEvents.TryPeek(out var first) ? first : null;
    }

    /// Runs the scenario on the journal (a new one when null), which outlives the run for the caller to read. Besides
    /// the scenario's own crash-and-restart faults, the node (or the executor that wrote the event) crashes right after
    /// the journal has taken the n-th event, for every n in crashAfterEvents (the crash tests' hook). hostConfig is
    /// laid over each node's configuration (a host's logging, say). venues, when given, are the clock and venues to run
    /// on (their clock at the scenario's start); by default the scenario's venues are made here, in process.
    public static SimulationResult Run(Scenario scenario, ScenarioJournal? journal = null, NodeActorSettings? settings = null,
        IEnumerable<long>? crashAfterEvents = null, CrashTarget crashTarget = CrashTarget.Node, Config? hostConfig = null, SimulationVenues? venues = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new ScenarioSimulation(scenario, journal ?? new ScenarioJournal(), settings ?? SettingsFor(scenario), hostConfig ?? s_quiet, crashAfterEvents ?? [],
            crashTarget, venues).Run();
    }

    /// The node settings a scenario implies: its `strategy.funding-arb` and `risk` over the defaults, its venues' fees.
    /// A bad strategy or risk key is a ScenarioException at the line it was written on.
    public static NodeActorSettings SettingsFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        try
        {
            var strategy = FundingArbSettingsReader.Read(scenario.Strategy.GetConfig("funding-arb"), $"{scenario.Path}.strategy.funding-arb") with
            {
                Fees = scenario.Venues.ToImmutableDictionary(v => v.Settings.Id.Value, v => v.Settings.Fees),
            };
            return NodeActorSettings.Default with
            {
                Orchestrator = OrchestratorSettings.Default with { Strategy = strategy },
                Risk = RiskGateSettings.Read(scenario.Risk, $"{scenario.Path}.risk"),
            };
        }
        catch (ConfigKeyException bad)
        {
            throw new ScenarioException(bad.Path, scenario.Positions.Find(bad.Path), bad.Problem, bad);
        }
    }

    private SimulationResult Run()
    {
        var clock = _venues?.Clock ?? new VirtualClock(_scenario.Start);
        var venues = _venues?.Simulated ?? _scenario.CreateVenues(clock);
        var traded = _venues?.Traded ?? [.. venues.Cast<IVenue>()];
        _settle = _venues?.Settle ?? _settle;
        var exposure = new ExposureWatch(venues, _scenario.Venues.SelectMany(v => v.Markets).Select(m => m.Instrument));
        var equity = new List<EquityPoint>();
        var recoveries = 0;
        try
        {
            var node = StartNode(clock, traded);
            var crashes = new Queue<NodeCrash>(_scenario.CrashRestarts.Where(c => c.At < _scenario.End));
            while (true)
            {
                var crashAt = crashes.TryPeek(out var crash) ? crash.At : _scenario.End;
                var actionAt = _actions.TryPeek(out var action) ? action.At : DateTimeOffset.MaxValue;
                var until = actionAt < crashAt ? actionAt : crashAt;
                var journalCrash = Step(clock, node.Run, until, venues, exposure, equity);
                if (!journalCrash && until == actionAt)
                {
                    _actions.Dequeue();
                    if (action.Command.Message is { } message)
                    {
                        node.Actors.Orchestrator.Tell(message, ActorRefs.NoSender);
                    }

                    continue;
                }

                if (!journalCrash && until == _scenario.End)
                {
                    break;
                }

                if (journalCrash)
                {
                    _crashAfterEvents.Dequeue();
                    _journal.CrashAfter = _crashAfterEvents.TryPeek(out var next) ? next : null;
                    if (_crashTarget == CrashTarget.Writer)
                    {
                        recoveries += KillWriter(node);
                        continue;
                    }
                }

                Stop(node);
                if (!journalCrash)
                {
                    StayDown(clock, crashes.Dequeue(), exposure);
                }

                recoveries++;
                node = StartNode(clock, traded);
            }

            var executors = Ask<ExecutorsReport>(node, GetExecutors.Instance).Executors;
            var performance = Ask<PerformanceReported>(node, GetPerformance.Instance).Report;
            Stop(node);
            var events = executors.Select(e => e.Spec.ExecutorId).Append(OrchestratorActor.Id).Sum(_journal.HighestSequenceNr);
            var economics = RunEconomicsCalculator.Compute(executors, venues.SelectMany(v => v.Orders), venues.SelectMany(v => v.FundingSettlements),
                _settings.Orchestrator.Strategy);
            return new SimulationResult(_scenario.Name, _scenario.Seed, executors, [.. venues.Select(VenueOutcome.Of)], exposure.Result(), events, recoveries, performance,
                TradeAnalytics.Equity(equity, TimeSpan.FromHours(1)), economics);
        }
        finally
        {
            if (_venues is null)
            {
                foreach (var venue in venues)
                {
                    venue.Dispose();
                }
            }
        }
    }

    /// Kills the executor that wrote the last event (its supervisor, the pair's host, restarts it); 1 if an executor
    /// wrote it and was alive (the orchestrator and the risk gate are not pair hosts).
    private int KillWriter(SimulatedNode node)
    {
        if (_journal.LastWriter is not { } writer)
        {
            return 0;
        }

        var executor = node.System.ActorSelection(node.Actors.Orchestrator.Path / writer / PairHost.ExecutorName).ResolveOne(TimeSpan.FromMinutes(1));
        RunUntil(node.Run, executor);
        if (!executor.IsCompletedSuccessfully)
        {
            return 0;
        }

        executor.Result.Tell(Kill.Instance, ActorRefs.NoSender);
        return 1;
    }

    /// The venues run on without the node: funding settles, resting orders fill, and nobody hears of it.
    private void StayDown(VirtualClock clock, NodeCrash crash, ExposureWatch exposure)
    {
        var restartAt = crash.At + crash.Down < _scenario.End ? crash.At + crash.Down : _scenario.End;
        if (restartAt > clock.GetUtcNow())
        {
            // Timer by timer, settling between: what the venues answer the dead node's last requests still crosses a wire.
            while (clock.NextDueAt is { } due && due <= restartAt)
            {
                clock.AdvanceTo(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
                while (_settle())
                {
                }
            }

            clock.AdvanceTo(restartAt);
            exposure.Sample(restartAt);
        }
    }

    private SimulatedNode StartNode(VirtualClock clock, ImmutableArray<IVenue> venues)
    {
        var run = new SimulationRun(_journal);
        var config = SimulationRuns.Register(run, out var runId).WithFallback(SchedulerClocks.Config(clock)).WithFallback(_hostConfig);
        var system = ActorSystem.Create(SystemName, config);
        var node = new SimulatedNode(system, FundingArbNode.Start(system, venues, _settings), run, runId);
        do
        {
            while (run.RunOne())
            {
            }
        }
        while (_settle());

        return node;
    }

    /// Terminates the node's actor system, running what its stopping actors queue until it has terminated.
    private void Stop(SimulatedNode node)
    {
        RunUntil(node.Run, node.System.Terminate());
        SimulationRuns.Release(node.RunId);
    }

    /// Steps to until; true when the journal's crash hook fired first (the node must die now).
    private bool Step(VirtualClock clock, SimulationRun run, DateTimeOffset until, ImmutableArray<SimulatedVenue> venues, ExposureWatch exposure,
        List<EquityPoint> equity)
    {
        while (true)
        {
            // Sampled at every instant, not only those at which an actor ran: behind the exchange, whether a message
            // reached a mailbox before or after the runner looked depends on threads, and the exposure must not.
            var crash = RunActors(run);
            exposure.Sample(clock.GetUtcNow());

            if (crash)
            {
                return true;
            }

            var now = clock.GetUtcNow();
            if (now >= _nextEquity)
            {
                // Hourly points, stamped on the hour, so the equity statistics see an even grid.
                var value = venues.Sum(v => v.Balances.Sum(b => b.Equity));
                for (; now >= _nextEquity; _nextEquity += TimeSpan.FromHours(1))
                {
                    equity.Add(new EquityPoint(_nextEquity, value));
                }
            }

            if (clock.NextDueAt is not { } due || due > until)
            {
                if (now < until)
                {
                    clock.AdvanceTo(until);
                    var crashAtEnd = RunActors(run);
                    exposure.Sample(until);
                    return crashAtEnd;
                }

                return false;
            }

            clock.AdvanceTo(due > now ? due : now);
            if (due <= now)
            {
                clock.Advance(TimeSpan.Zero);
            }
        }
    }

    /// Runs mailbox runs one at a time so that a crash can strike right after the run that wrote the n-th event, and
    /// settles the venues' wire whenever the actors are idle, until neither has anything left to do; true when the
    /// journal's crash hook fired.
    private bool RunActors(SimulationRun run)
    {
        do
        {
            while (run.RunOne())
            {
                if (_journal.CrashDue)
                {
                    return true;
                }
            }
        }
        while (_settle());

        return false;
    }

    private T Ask<T>(SimulatedNode node, object question)
    {
        var answer = node.Actors.Orchestrator.Ask<T>(question, TimeSpan.FromMinutes(1));
        RunUntil(node.Run, answer);
        return answer.GetAwaiter().GetResult();
    }

    // What the node's actors do is on the run's queue; only what Akka does on threads of its own (a terminating system's
    // last steps) is waited for, briefly, when the queue is empty.
    private void RunUntil(SimulationRun run, Task task)
    {
        while (!task.IsCompleted)
        {
            if (!run.RunOne() && !_settle())
            {
                ((IAsyncResult)task).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(1));
            }
        }
    }

    private sealed record SimulatedNode(ActorSystem System, FundingArbNode Actors, SimulationRun Run, string RunId);
}
