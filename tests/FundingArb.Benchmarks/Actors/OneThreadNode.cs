using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Runtime;
using FundingArb.Actors.Simulation;
using FundingArb.Venues;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

/// The node of PairWorld as a simulation runs it: every mailbox run queued on a SimulationRun and run on the
/// benchmark's thread, one after the other, with the simulation's synchronous in-memory journal. The work of a path
/// without the thread pool's hand-offs. Started idle; disposing terminates it.
internal sealed class OneThreadNode : IDisposable
{
    private static readonly Config s_quiet = ConfigurationFactory.ParseString("akka { loglevel = OFF, stdout-loglevel = OFF }");

    private readonly ImmutableArray<SimulatedVenue> _venues;
    private readonly SimulationRun _run;
    private readonly string _runId;
    private readonly ActorSystem _system;
    private readonly Dictionary<Type, long> _counts = [];
    private int _writesCounted;

    public OneThreadNode(NodeActorSettings settings)
    {
        var scenario = PairWorld.Scenario(DecisionLatencyScenario.Assets);
        Clock = new VirtualClock(scenario.Start);
        _venues = scenario.CreateVenues(Clock);
        _run = new SimulationRun(Journal);
        var config = SimulationRuns.Register(_run, out _runId).WithFallback(SchedulerClocks.Config(Clock)).WithFallback(s_quiet);
        _system = ActorSystem.Create("bench-one-thread", config);
        Node = FundingArbNode.Start(_system, _venues.Select(v => (IVenue)new TimedVenue(v, Recorder, Flip)), settings);
        RunUntilIdle();
    }

    public VirtualClock Clock { get; }

    public ScenarioJournal Journal { get; } = new();

    public FundingArbNode Node { get; }

    public PlacementRecorder Recorder { get; } = new();

    public FundingFlip Flip { get; } = new();

    /// Events of type T the journal has taken so far.
    public long Count<T>()
    {
        var writes = Journal.Writes;
        for (; _writesCounted < writes.Count; _writesCounted++)
        {
            foreach (var persistent in writes[_writesCounted])
            {
                var type = persistent.Payload.GetType();
                _counts[type] = _counts.GetValueOrDefault(type) + 1;
            }
        }

        return _counts.GetValueOrDefault(typeof(T));
    }

    /// Runs queued mailbox runs until none is left.
    public void RunUntilIdle()
    {
        while (_run.RunOne())
        {
        }
    }

    /// Runs mailbox runs one at a time until the armed placements have been made; their timestamp.
    public long RunUntilPlaced(Task<long> placed, int sample)
    {
        while (!placed.IsCompleted && _run.RunOne())
        {
        }

        return placed.IsCompleted ? placed.Result : throw new InvalidOperationException($"sample {sample}: the orders were not placed");
    }

    /// Terminates the system as ScenarioSimulation stops a node: its stopping actors' runs on this thread, and a short
    /// wait only for what Akka finishes on threads of its own.
    public void Dispose()
    {
        var terminated = _system.Terminate();
        while (!terminated.IsCompleted)
        {
            if (!_run.RunOne())
            {
                ((IAsyncResult)terminated).AsyncWaitHandle.WaitOne(TimeSpan.FromMilliseconds(1));
            }
        }

        SimulationRuns.Release(_runId);
        foreach (var venue in _venues)
        {
            venue.Dispose();
        }
    }
}
