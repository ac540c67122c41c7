using System.Collections.Immutable;
using FundingArb.Actors.Hosting;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

/// The node of PairWorld with every actor run on the benchmark's thread by a DeterministicDispatcher, one after the
/// other: the work of a path without the thread pool's hand-offs. Started idle; disposing terminates it.
internal sealed class OneThreadNode : IDisposable
{
    private readonly ImmutableArray<SimulatedVenue> _venues;
    private readonly ActorSystem _system;

    public OneThreadNode(NodeActorSettings settings)
    {
        var scenario = PairWorld.Scenario(DecisionLatencyScenario.Assets);
        Clock = new VirtualClock(scenario.Start);
        _venues = scenario.CreateVenues(Clock);
        (_system, Node, Recorder, Flip) = BenchNode.StartSystem(Clock, _venues, settings, Journal, Dispatcher);
        Dispatcher.RunUntilIdle();
    }

    public VirtualClock Clock { get; }

    public DeterministicDispatcher Dispatcher { get; } = new();

    public CountingJournal Journal { get; } = new(new MemoryJournal());

    public FundingArbNode Node { get; }

    public PlacementRecorder Recorder { get; }

    public FundingFlip Flip { get; }

    /// Runs actors one at a time until the armed placements have been made; their timestamp.
    public long RunUntilPlaced(Task<long> placed, int sample)
    {
        while (!placed.IsCompleted && Dispatcher.RunUntilIdle(1) > 0)
        {
        }

        return placed.IsCompleted ? placed.Result : throw new InvalidOperationException($"sample {sample}: the orders were not placed");
    }

    public void Dispose()
    {
        Dispatcher.RunUntilCompleted(_system.Terminate());
        foreach (var venue in _venues)
        {
            venue.Dispose();
        }
    }
}
