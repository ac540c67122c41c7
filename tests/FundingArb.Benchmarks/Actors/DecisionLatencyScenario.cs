using System.Diagnostics;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

// Why not "from a market update": the controller does not react to updates. It scans on a timer (scan-interval,
// 1 min by default), takes one market snapshot and proposes; an update therefore waits up to a scan interval
// before any decision, by design. The two figures that are well defined are measured instead:
// - scan: from the controller's scan timer firing (the Tell of its Scan) to both entry PlaceOrderAsync calls;
//   the path is controller -> market data snapshot -> ranking -> CreateExecutor -> orchestrator (persist,
//   spawn) -> executor (recover, subscribe, PairEntryStarted) -> two order actors (touch, write-ahead intent)
//   -> gateways -> IVenue.PlaceOrderAsync.
// - create: the same path from CreateExecutor sent to the orchestrator.
// Each sample is one new executor on a node already running; after the sample it is stopped (its resting
// post-only orders cancelled, the pair rolled back) and stored, so every sample starts from the same state.
// The baseline does the venue work of the path with no actor and no journal: per leg, the book read the order
// actor's touch fetch makes, the client order id and the post-only request, then the placement; timed, as the
// actors are, to the start of the second PlaceOrderAsync.

/// The decision latency figures: samples in microseconds, each actor sample alternating with a baseline sample.
internal static class DecisionLatencyScenario
{
    public const int Assets = 10;

    /// The create path in the given execution mode: limit-with-fallback (the default) fetches each leg's touch
    /// before placing post-only; market-only places at once (and the pair opens, so the stop closes it at market).
    public static async Task<(double[] Actors, double[] Direct)> FromCreateExecutorAsync(int warmup, int samples, ExecutionMode mode = ExecutionMode.LimitWithFallback)
    {
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Assets), PairWorld.Settings(controller: false, mode),
            new CountingJournal(new MemoryJournal())).ConfigureAwait(false);
        var direct = new DirectDecision(node.Venues);
        var generations = new int[Assets];
        var actorSamples = new List<double>();
        var directSamples = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var asset = i % Assets;
            var placed = node.Recorder.Arm(placements: 2);
            var start = Stopwatch.GetTimestamp();
            node.Node.Orchestrator.Tell(PairWorld.Create(asset), node.Sink);
            var end = await WaitPlacedAsync(node, placed, i).ConfigureAwait(false);
            await node.CloseAsync($"pair-{PairWorld.Asset(asset)}-{PairWorld.LongVenue}-{PairWorld.ShortVenue}-{++generations[asset]}", i).ConfigureAwait(false);
            var baseline = await direct.RunAsync(asset).ConfigureAwait(false);
            if (i >= warmup)
            {
                actorSamples.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
                directSamples.Add(baseline);
            }
        }

        return ([.. actorSamples], [.. directSamples]);
    }

    /// The create path with every actor run on this thread (DeterministicDispatcher), one after the other: the
    /// work of the path without the thread pool's hand-offs between actors.
    public static double[] FromCreateExecutorOneThread(int warmup, int samples)
    {
        var scenario = PairWorld.Scenario(Assets);
        var clock = new VirtualClock(scenario.Start);
        var venues = scenario.CreateVenues(clock);
        var dispatcher = new DeterministicDispatcher();
        var journal = new CountingJournal(new MemoryJournal());
        var (system, node, recorder) = BenchNode.StartSystem(clock, venues, PairWorld.Settings(controller: false, ExecutionMode.LimitWithFallback), journal,
            dispatcher);
        try
        {
            dispatcher.RunUntilIdle();
            var generations = new int[Assets];
            var actorSamples = new List<double>();
            for (var i = 0; i < warmup + samples; i++)
            {
                var asset = i % Assets;
                var placed = recorder.Arm(placements: 2);
                var start = Stopwatch.GetTimestamp();
                node.Orchestrator.Tell(PairWorld.Create(asset), ActorRefs.NoSender);
                while (!placed.IsCompleted && dispatcher.RunUntilIdle(1) > 0)
                {
                }

                var end = placed.IsCompleted ? placed.Result : throw new InvalidOperationException($"sample {i}: the entry orders were not placed");
                dispatcher.RunUntilIdle();
                var id = $"pair-{PairWorld.Asset(asset)}-{PairWorld.LongVenue}-{PairWorld.ShortVenue}-{++generations[asset]}";
                node.Orchestrator.Tell(new StopExecutor(id, KeepPosition: false), ActorRefs.NoSender);
                dispatcher.RunUntilIdle();
                node.Orchestrator.Tell(new StoreExecutor(id), ActorRefs.NoSender);
                dispatcher.RunUntilIdle();
                if (journal.Count<PairClosed>() != i + 1)
                {
                    throw new InvalidOperationException($"sample {i}: {id} did not close");
                }

                if (i >= warmup)
                {
                    actorSamples.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
                }
            }

            return [.. actorSamples];
        }
        finally
        {
            dispatcher.RunUntilCompleted(system.Terminate());
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }
    }

    public static async Task<double[]> FromScanAsync(int warmup, int samples)
    {
        var settings = PairWorld.Settings(controller: true, ExecutionMode.LimitWithFallback);
        var scan = settings.Orchestrator.Strategy.ScanInterval;
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Assets), settings, new CountingJournal(new MemoryJournal())).ConfigureAwait(false);

        // The controller's scan timer starts when the controller does, after the orchestrator's recovery; a clock moved
        // before that would move the first scan a whole interval later. Its answer through the orchestrator says it runs.
        await node.Node.Orchestrator.Ask<OpportunitiesReport>(GetOpportunities.Instance, BenchNode.Deadline).ConfigureAwait(false);
        var actorSamples = new List<double>();
        var refresh = settings.MarketData.RefreshInterval;
        for (var i = 0; i < warmup + samples; i++)
        {
            // Up to the last refresh before the scan, untimed; then the scan, which fires with a refresh as it does
            // with the default intervals (5 s and 1 min).
            node.Clock.Advance(scan - refresh);
            await WaitForRefreshAsync(node, settings.MarketData.IdleRefreshInterval - refresh).ConfigureAwait(false);
            var placed = node.Recorder.Arm(placements: 2);
            var start = Stopwatch.GetTimestamp();
            node.Clock.Advance(refresh);
            var end = await WaitPlacedAsync(node, placed, i).ConfigureAwait(false);
            await node.Journal.WhenWritten<PairEntryStarted>(i + 1).WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
            await node.CloseAsync(node.Journal.LastWriterOf<PairEntryStarted>()!, i).ConfigureAwait(false);
            if (i >= warmup)
            {
                actorSamples.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
            }
        }

        return [.. actorSamples];
    }

    private static async Task<long> WaitPlacedAsync(BenchNode node, Task<long> placed, int sample)
    {
        try
        {
            return await placed.WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            var executors = await node.Node.Orchestrator.Ask<ExecutorsReport>(GetExecutors.Instance, BenchNode.Deadline).ConfigureAwait(false);
            var states = string.Join(", ", executors.Executors.Where(e => e.Phase != PairPhase.Closed).Select(e => $"{e.Spec.ExecutorId} {e.Phase}"));
            throw new TimeoutException($"sample {sample}: the entry orders were not placed within {BenchNode.Deadline}; not closed: {states}; " +
                $"intents {node.Journal.Count<PairOrderIntended>()}, entries {node.Journal.Count<PairEntryStarted>()}, closed {node.Journal.Count<PairClosed>()}");
        }
    }

    /// Returns once market data holds quotes fetched at the clock's present.
    /// Waits until no market is older than maxAge: the fetches due by now (markets nobody holds are fetched only at the
    /// idle interval, which the scan shares) have been answered.
    private static async Task WaitForRefreshAsync(BenchNode node, TimeSpan maxAge)
    {
        var oldest = node.Clock.GetUtcNow() - maxAge;
        while ((await node.Node.MarketData.Ask<MarketSnapshot>(GetMarketSnapshot.Instance, BenchNode.Deadline).ConfigureAwait(false)).Markets
            .Any(m => m.Funding.At < oldest))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(0.2), TimeProvider.System).ConfigureAwait(false);
        }
    }

    /// The venue calls of one decision made by hand, on the same venues the actors use (orders cancelled after).
    private sealed class DirectDecision(IReadOnlyList<SimulatedVenue> venues)
    {
        private readonly SimulatedVenue _long = venues.Single(v => v.Id.Value == PairWorld.LongVenue);
        private readonly SimulatedVenue _short = venues.Single(v => v.Id.Value == PairWorld.ShortVenue);
        private long _sequence;

        public async Task<double> RunAsync(int asset)
        {
            var symbol = new Symbol(PairWorld.Symbol(asset));
            var longInstrument = (await _long.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol);
            var shortInstrument = (await _short.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol);
            var start = Stopwatch.GetTimestamp();
            var longRequest = await PostOnlyAtTouchAsync(_long, longInstrument, OrderSide.Buy).ConfigureAwait(false);
            var shortRequest = await PostOnlyAtTouchAsync(_short, shortInstrument, OrderSide.Sell).ConfigureAwait(false);
            var longAck = _long.PlaceOrderAsync(longRequest, CancellationToken.None);
            var end = Stopwatch.GetTimestamp();
            var shortAck = _short.PlaceOrderAsync(shortRequest, CancellationToken.None);
            await longAck.ConfigureAwait(false);
            await shortAck.ConfigureAwait(false);
            await _long.CancelOrderAsync(longRequest.ClientOrderId, CancellationToken.None).ConfigureAwait(false);
            await _short.CancelOrderAsync(shortRequest.ClientOrderId, CancellationToken.None).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(start, end).TotalMicroseconds;
        }

        private async Task<OrderRequest> PostOnlyAtTouchAsync(SimulatedVenue venue, Instrument instrument, OrderSide side)
        {
            var book = await venue.GetOrderBookAsync(instrument.Symbol, 1, CancellationToken.None).ConfigureAwait(false);
            var touch = side == OrderSide.Buy ? book.BestBid!.Value : book.BestAsk!.Value;
            var quantity = instrument.Rules.QuantizeSize(PairWorld.SizeQuote / touch);
            var clientOrderId = ClientOrderId.Derive("direct", ++_sequence);
            return OrderRequest.PostOnly(clientOrderId, instrument, side, quantity, instrument.Rules.QuantizePrice(touch, side));
        }
    }
}
