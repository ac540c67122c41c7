using System.Collections.Immutable;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Kernel;
using FundingArb.Kernel.Configuration;
using FundingArb.Venues;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;
using KernelPersistence = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Benchmarks.Actors;

/// A node as FundingArbNode starts it, on the thread-pool dispatcher (as live) and a virtual clock that moves only
/// when a figure moves it, over simulated venues behind TimedVenue and a CountingJournal.
internal sealed class BenchNode : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly Config s_quiet = ConfigurationFactory.ParseString("fundingarb { loglevel = WARNING, stdout-loglevel = WARNING }");

    private BenchNode(VirtualClock clock, ImmutableArray<SimulatedVenue> venues, ActorSystem system, FundingArbNode node, CountingJournal journal,
        PlacementRecorder recorder, FundingFlip flip, IActorRef sink)
    {
        Clock = clock;
        Venues = venues;
        System = system;
        Node = node;
        Journal = journal;
        Recorder = recorder;
        Flip = flip;
        Sink = sink;
    }

    public VirtualClock Clock { get; }

    public ImmutableArray<SimulatedVenue> Venues { get; }

    public ActorSystem System { get; }

    public FundingArbNode Node { get; }

    public CountingJournal Journal { get; }

    public PlacementRecorder Recorder { get; }

    public FundingFlip Flip { get; }

    /// A sender for commands whose answers nobody reads.
    public IActorRef Sink { get; }

    /// Starts the node and returns once market data holds every market of the scenario.
    public static async Task<BenchNode> StartAsync(Scenario scenario, NodeActorSettings settings, CountingJournal journal)
    {
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        var (system, node, recorder, flip) = StartSystem(clock, venues, settings, journal);
        await WaitForMarketsAsync(node, scenario.Venues.Sum(v => v.Markets.Length)).ConfigureAwait(false);
        return new BenchNode(clock, venues, system, node, journal, recorder, flip, system.ActorOf(Props.Create(() => new SinkActor()), "sink"));
    }

    /// The node's actors on a new system over existing venues (what a process restart does), on the thread pool
    /// unless another dispatcher is given.
    public static (ActorSystem System, FundingArbNode Node, PlacementRecorder Recorder, FundingFlip Flip) StartSystem(VirtualClock clock,
        ImmutableArray<SimulatedVenue> venues, NodeActorSettings settings, CountingJournal journal, MessageDispatcher? dispatcher = null)
    {
        var recorder = new PlacementRecorder();
        var flip = new FundingFlip();
        var system = ActorSystem.Create("bench-actors", s_quiet, clock, dispatcher ?? MessageDispatcher.ThreadPool);
        var persistence = KernelPersistence.Get(system);
        persistence.RegisterJournal(persistence.DefaultJournalPluginId, () => journal);
        var node = FundingArbNode.Start(system, venues.Select(v => (IVenue)new TimedVenue(v, recorder, flip)), settings);
        return (system, node, recorder, flip);
    }

    public static async Task WaitForMarketsAsync(FundingArbNode node, int markets)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while ((await node.MarketData.Ask<MarketSnapshot>(GetMarketSnapshot.Instance, Deadline).ConfigureAwait(false)).Markets.Length < markets)
        {
            if (TimeProvider.System.GetElapsedTime(deadline) > Deadline)
            {
                throw new TimeoutException($"market data did not load {markets} markets within {Deadline}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System).ConfigureAwait(false);
        }
    }

    /// Stops the executor (closing whatever it holds), waits for its PairClosed, then stores it so that it stops.
    public async Task CloseAsync(string executorId, long closedSoFar)
    {
        var closed = Journal.WhenWritten<PairClosed>(closedSoFar + 1);
        if (await Node.Orchestrator.Ask<object>(new StopExecutor(executorId, KeepPosition: false), Deadline).ConfigureAwait(false) is CommandRejected rejected)
        {
            throw new InvalidOperationException($"stop {executorId}: {rejected.Reason}");
        }

        await closed.WaitAsync(Deadline, TimeProvider.System).ConfigureAwait(false);

        // The orchestrator learns of the close from the executor's report, sent just after the journal took the event.
        while (await Node.Orchestrator.Ask<object>(new StoreExecutor(executorId), Deadline).ConfigureAwait(false) is CommandRejected)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(Deadline, TimeProvider.System).ConfigureAwait(false);
        foreach (var venue in Venues)
        {
            venue.Dispose();
        }
    }

    private sealed class SinkActor : ReceiveActor
    {
        public SinkActor() => ReceiveAny(_ => { });
    }
}
