using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Configuration;
using FundingArb.Actors.Hosting;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Runtime;
using FundingArb.Venues;
using FundingArb.Venues.Scenarios;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

/// A node as FundingArbNode starts it, on Akka's default dispatcher (the .NET thread pool, as live) and a virtual clock
/// that moves only when a figure moves it, over simulated venues behind TimedVenue; its journal counts into a
/// CountingJournal (in memory by default, or the SQLite file of a SqliteBenchJournal).
internal sealed class BenchNode : IAsyncDisposable
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    // What hocon/reference.conf sets for a node's actors (its dispatcher's throughput), Akka's log quiet.
    private static readonly Config s_node = ConfigurationFactory.ParseString("""
        akka {
          loglevel = WARNING
          stdout-loglevel = WARNING
          actor.default-dispatcher.throughput = 30
        }
        """);

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

    /// Starts the node on the journal (in memory through CountingJournalPlugin unless journalConfig names another that
    /// counts into it) and returns once market data holds every market of the scenario.
    public static async Task<BenchNode> StartAsync(Scenario scenario, NodeActorSettings settings, CountingJournal journal, Config? journalConfig = null)
    {
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        return await StartAsync(clock, venues, [.. venues], scenario.Venues.Sum(v => v.Markets.Length), settings, journal, journalConfig).ConfigureAwait(false);
    }

    /// Starts the node over the venues it reaches (the simulated venues themselves, or connectors to an exchange that
    /// serves them), on the in-memory journal unless journalConfig names another that counts into it, and returns once
    /// market data holds the given number of markets.
    public static async Task<BenchNode> StartAsync(VirtualClock clock, ImmutableArray<SimulatedVenue> venues, IReadOnlyList<IVenue> reached, int markets,
        NodeActorSettings settings, CountingJournal journal, Config? journalConfig = null)
    {
        var (system, node, recorder, flip) = StartSystem(clock, reached, settings, journalConfig ?? CountingJournalPlugin.Config(journal));
        await WaitForMarketsAsync(node, markets).ConfigureAwait(false);
        return new BenchNode(clock, venues, system, node, journal, recorder, flip, system.ActorOf(Props.Create(() => new SinkActor()), "sink"));
    }

    /// The node's actors on a new system over existing venues (what a process restart does), with the journal the
    /// configuration names.
    public static (ActorSystem System, FundingArbNode Node, PlacementRecorder Recorder, FundingFlip Flip) StartSystem(VirtualClock clock,
        IReadOnlyList<IVenue> venues, NodeActorSettings settings, Config journalConfig)
    {
        var recorder = new PlacementRecorder();
        var flip = new FundingFlip();
        var config = journalConfig.WithFallback(SchedulerClocks.Config(clock)).WithFallback(s_node);
        var system = ActorSystem.Create("bench-actors", config);
        var node = FundingArbNode.Start(system, venues.Select(v => (IVenue)new TimedVenue(v, recorder, flip)), settings);
        return (system, node, recorder, flip);
    }

    public static Task WaitForMarketsAsync(FundingArbNode node, int markets) => UntilAsync(
        async () => (await node.MarketData.Ask<MarketSnapshot>(GetMarketSnapshot.Instance, Deadline).ConfigureAwait(false)).Markets.Length >= markets,
        TimeSpan.FromMilliseconds(1), () => $"market data did not load {markets} markets");

    /// Asks until the condition holds, pausing between asks; a TimeoutException naming what did not happen after Deadline.
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan pause, Func<string> what)
    {
        var start = Stopwatch.GetTimestamp();
        while (!await condition().ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(start) > Deadline)
            {
                throw new TimeoutException($"{what()} within {Deadline}");
            }

            await Task.Delay(pause, TimeProvider.System).ConfigureAwait(false);
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
        await StoreAsync(executorId).ConfigureAwait(false);
    }

    /// Stores a closed executor so that it stops; the orchestrator learns of the close from the executor's report, sent
    /// just after the journal took the event, so it may refuse at first.
    public Task StoreAsync(string executorId) => UntilAsync(
        async () => await Node.Orchestrator.Ask<object>(new StoreExecutor(executorId), Deadline).ConfigureAwait(false) is not CommandRejected,
        TimeSpan.FromMilliseconds(1), () => $"{executorId} could not be stored");

    public async ValueTask DisposeAsync()
    {
        await System.Terminate().WaitAsync(Deadline, TimeProvider.System).ConfigureAwait(false);
        Journal.Unregister();
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
