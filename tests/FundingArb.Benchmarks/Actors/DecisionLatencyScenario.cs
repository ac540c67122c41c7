using System.Diagnostics;
using Akka.Actor;
using FundingArb.Actors.Markets;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

// Decision latency runs from "a funding/book update arriving at MarketData" to both legs' PlaceOrderAsync. Of the
// decisions the node makes, exits are the ones an update makes: an open pair's executor evaluates its exit rules on
// every MarketUpdated. Entries are not: the controller scans on a timer (scan-interval, 1 min by default), takes one
// market snapshot and proposes, so an update waits up to a scan interval before any entry, by design. Measured:
// - update: a funding update (the short venue's rate flipping below the funding-flip threshold) handed out by the
//   venue at the 5 s market-data refresh -> gateway -> market data -> executor (exit rules, then PairExitStarted with
//   both close intents in one write) -> two close legs (a reduce-only market order each) -> gateways -> both
//   PlaceOrderAsync calls; on the in-memory journal, and on the node's SQLite journal (a commit with an fsync).
// - scan: from the controller's scan timer firing (the Tell of its Scan) to both entry PlaceOrderAsync calls;
//   the path is controller -> market data snapshot -> ranking -> CreateExecutor -> orchestrator (persist,
//   spawn) -> executor (recover, subscribe, PairEntryStarted) -> two order actors (touch, write-ahead intent)
//   -> gateways -> IVenue.PlaceOrderAsync.
// - create: the entry path from CreateExecutor sent to the orchestrator.
// Each entry sample is one new executor on a node already running; after the sample it is stopped (its resting
// post-only orders cancelled, the pair rolled back) and stored, so every sample starts from the same state. Each
// update sample opens a pair at market first, untimed, and stores it once the flip has closed it.
// The baselines do the venue work of a path with no actor and no journal, timed, as the actors are, to the start of
// the second PlaceOrderAsync: for an entry, per leg the book read the order actor's touch fetch makes, the client
// order id and the post-only request, then the placement; for an exit, per leg the client order id and the
// reduce-only market order.

/// The decision latency figures: samples in microseconds, each actor sample alternating with a baseline sample.
internal static class DecisionLatencyScenario
{
    public const int Assets = 10;

    /// The create path in the given execution mode: limit-with-fallback (the default) fetches each leg's touch
    /// before placing post-only; market-only places at once (and the pair opens, so the stop closes it at market).
    public static async Task<(double[] Actors, double[] Direct)> FromCreateExecutorAsync(int warmup, int samples, ExecutionMode mode = ExecutionMode.LimitWithFallback)
    {
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Assets), PairWorld.Settings(controller: false, mode),
            new CountingJournal(keepEvents: true)).ConfigureAwait(false);
        var direct = new DirectVenueCalls(node.Venues);
        var generations = new int[Assets];
        return await SampleAsync(warmup, samples, async i =>
        {
            var asset = i % Assets;
            var placed = node.Recorder.Arm(placements: 2);
            var start = Stopwatch.GetTimestamp();
            node.Node.Orchestrator.Tell(PairWorld.Create(asset), node.Sink);
            var end = await WaitPlacedAsync(node, placed, i).ConfigureAwait(false);
            await node.CloseAsync(PairWorld.ExecutorId(asset, ++generations[asset]), i).ConfigureAwait(false);
            return (Stopwatch.GetElapsedTime(start, end).TotalMicroseconds, await direct.EntryAsync(asset).ConfigureAwait(false));
        }).ConfigureAwait(false);
    }

    /// The create path with every mailbox run on this thread (OneThreadNode), one after the other: the work of the
    /// path without the thread pool's hand-offs between actors.
    public static double[] FromCreateExecutorOneThread(int warmup, int samples)
    {
        using var world = new OneThreadNode(PairWorld.Settings(controller: false, ExecutionMode.LimitWithFallback));
        var generations = new int[Assets];
        var actorSamples = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var asset = i % Assets;
            var placed = world.Recorder.Arm(placements: 2);
            var start = Stopwatch.GetTimestamp();
            world.Node.Orchestrator.Tell(PairWorld.Create(asset), ActorRefs.NoSender);
            var end = world.RunUntilPlaced(placed, i);
            world.RunUntilIdle();
            var id = PairWorld.ExecutorId(asset, ++generations[asset]);
            world.Node.Orchestrator.Tell(new StopExecutor(id, KeepPosition: false), ActorRefs.NoSender);
            world.RunUntilIdle();
            world.Node.Orchestrator.Tell(new StoreExecutor(id), ActorRefs.NoSender);
            world.RunUntilIdle();
            if (world.Count<PairClosed>() != i + 1)
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

    public static async Task<double[]> FromScanAsync(int warmup, int samples)
    {
        var settings = PairWorld.Settings(controller: true, ExecutionMode.LimitWithFallback);
        var scan = settings.Orchestrator.Strategy.ScanInterval;
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Assets), settings, new CountingJournal(keepEvents: true)).ConfigureAwait(false);

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
            await WaitForRefreshAsync(node, node.Clock.GetUtcNow() - (settings.MarketData.IdleRefreshInterval - refresh)).ConfigureAwait(false);
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

    /// From a funding update leaving the venue to both close orders' PlaceOrderAsync, on the given journal: each sample
    /// opens a pair at market (untimed), flips the short venue's funding and moves the clock to the next market-data
    /// refresh. AfterWrite is the part of each sample from the journal taking the exit's write to both orders (the
    /// write itself, its answer, the legs and the gateways).
    public static async Task<(double[] Actors, double[] Direct, double[] AfterWrite)> FromFundingUpdateAsync(int warmup, int samples, JournalKind journal)
    {
        var settings = PairWorld.Settings(controller: false, ExecutionMode.MarketOnly) with { MarketData = MarketDataSettings.Default };
        var refresh = settings.MarketData.RefreshInterval;
        using var sqlite = journal == JournalKind.Sqlite ? new SqliteBenchJournal() : null;
        await using var node = await BenchNode.StartAsync(PairWorld.Scenario(Assets), settings, sqlite?.Tally ?? new CountingJournal(keepEvents: true),
            sqlite?.Config).ConfigureAwait(false);
        var direct = new DirectVenueCalls(node.Venues);
        var generations = new int[Assets];
        var afterWrite = new List<double>(samples);
        var (actors, directs) = await SampleAsync(warmup, samples, async i =>
        {
            var asset = i % Assets;
            var opened = node.Journal.WhenWritten<PairOpened>(i + 1);
            node.Node.Orchestrator.Tell(PairWorld.Create(asset), node.Sink);
            await opened.WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
            var id = PairWorld.ExecutorId(asset, ++generations[asset]);
            await WaitOpenAsync(node, id).ConfigureAwait(false);

            var exitWritten = node.Journal.WhenWritten<PairExitStarted>(i + 1);
            var placed = node.Recorder.Arm(placements: 2);
            node.Flip.Arm(new VenueId(PairWorld.ShortVenue), new Symbol(PairWorld.Symbol(asset)), PairWorld.FlippedRate);
            node.Clock.Advance(refresh);
            var flippedAt = node.Clock.GetUtcNow();
            var end = await WaitPlacedAsync(node, placed, i).ConfigureAwait(false);
            var start = node.Flip.HandedOutAt;
            node.Flip.Disarm();
            if (!exitWritten.IsCompleted || node.Journal.Count<PairExitStarted>() != i + 1)
            {
                throw new InvalidOperationException($"sample {i}: the orders placed after the funding update were not the pair's exit");
            }

            if (i >= warmup)
            {
                afterWrite.Add(Stopwatch.GetElapsedTime(exitWritten.Result, end).TotalMicroseconds);
            }

            await node.CloseAsync(id, i).ConfigureAwait(false);

            // Market data still holds the flipped rate, which the next pair's pre-flight would refuse: let the idle
            // refresh, which reaches every market, read the venue's own rate again. It comes within the interval, at a
            // tick that depends on when market data took the ticks the clock fired while it moved (each reads the clock).
            node.Clock.Advance(settings.MarketData.IdleRefreshInterval);
            await WaitForRefreshAsync(node, flippedAt + refresh).ConfigureAwait(false);
            return (Stopwatch.GetElapsedTime(start, end).TotalMicroseconds, await direct.ExitAsync(asset).ConfigureAwait(false));
        }).ConfigureAwait(false);
        return (actors, directs, [.. afterWrite]);
    }

    /// The funding-update path with every mailbox run on this thread (OneThreadNode), one after the other.
    public static double[] FromFundingUpdateOneThread(int warmup, int samples)
    {
        var settings = PairWorld.Settings(controller: false, ExecutionMode.MarketOnly) with { MarketData = MarketDataSettings.Default };
        using var world = new OneThreadNode(settings);
        var generations = new int[Assets];
        var actorSamples = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var asset = i % Assets;
            world.Node.Orchestrator.Tell(PairWorld.Create(asset), ActorRefs.NoSender);
            world.RunUntilIdle();
            var placed = world.Recorder.Arm(placements: 2);
            world.Flip.Arm(new VenueId(PairWorld.ShortVenue), new Symbol(PairWorld.Symbol(asset)), PairWorld.FlippedRate);
            world.Clock.Advance(settings.MarketData.RefreshInterval);
            var end = world.RunUntilPlaced(placed, i);
            var start = world.Flip.HandedOutAt;
            world.Flip.Disarm();
            world.RunUntilIdle();
            var id = PairWorld.ExecutorId(asset, ++generations[asset]);
            world.Node.Orchestrator.Tell(new StoreExecutor(id), ActorRefs.NoSender);
            world.Clock.Advance(settings.MarketData.IdleRefreshInterval);
            world.RunUntilIdle();
            if (world.Count<PairExitStarted>() != i + 1 || world.Count<PairClosed>() != i + 1)
            {
                throw new InvalidOperationException($"sample {i}: {id} did not exit on the funding update");
            }

            if (i >= warmup)
            {
                actorSamples.Add(Stopwatch.GetElapsedTime(start, end).TotalMicroseconds);
            }
        }

        return [.. actorSamples];
    }

    /// Runs warmup + samples samples in turn, each an actor figure and its baseline, and keeps those after the warm-up.
    private static async Task<(double[] Actors, double[] Direct)> SampleAsync(int warmup, int samples, Func<int, Task<(double Actor, double Direct)>> sample)
    {
        var actorSamples = new List<double>();
        var directSamples = new List<double>();
        for (var i = 0; i < warmup + samples; i++)
        {
            var (actor, direct) = await sample(i).ConfigureAwait(false);
            if (i >= warmup)
            {
                actorSamples.Add(actor);
                directSamples.Add(direct);
            }
        }

        return ([.. actorSamples], [.. directSamples]);
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

    /// Returns once the orchestrator has the executor's report of an open pair: its PairOpened is stored and handled,
    /// so that no write of the entry is still in flight when the measured update arrives (with a SQLite journal the
    /// tally counts PairOpened before its commit).
    private static Task WaitOpenAsync(BenchNode node, string executorId)
    {
        PairPhase? phase = null;
        return BenchNode.UntilAsync(async () =>
        {
            var executors = await node.Node.Orchestrator.Ask<ExecutorsReport>(GetExecutors.Instance, BenchNode.Deadline).ConfigureAwait(false);
            phase = executors.Executors.FirstOrDefault(e => e.Spec.ExecutorId == executorId)?.Phase;
            return phase == PairPhase.Open;
        }, TimeSpan.FromMilliseconds(0.2), () => $"{executorId} was not reported open (last reported {phase?.ToString() ?? "nothing"})");
    }

    /// Returns once market data holds no quote fetched before oldest: the fetches due by then (markets nobody holds are
    /// fetched only at the idle interval, which the scan shares) have been answered.
    private static Task WaitForRefreshAsync(BenchNode node, DateTimeOffset oldest) => BenchNode.UntilAsync(
        async () => (await node.Node.MarketData.Ask<MarketSnapshot>(GetMarketSnapshot.Instance, BenchNode.Deadline).ConfigureAwait(false)).Markets
            .All(m => m.Funding.At >= oldest),
        TimeSpan.FromMilliseconds(0.2), () => $"market data did not refresh every market since {oldest:O}");

    /// The venue calls of one decision made by hand, on the same venues the actors use, timed to the start of the
    /// second PlaceOrderAsync as the actors are.
    private sealed class DirectVenueCalls(IReadOnlyList<SimulatedVenue> venues)
    {
        private readonly SimulatedVenue _long = venues.Single(v => v.Id.Value == PairWorld.LongVenue);
        private readonly SimulatedVenue _short = venues.Single(v => v.Id.Value == PairWorld.ShortVenue);
        private long _sequence;

        /// An entry: per leg the touch, a client order id and a post-only order at the touch (cancelled after).
        public async Task<double> EntryAsync(int asset)
        {
            var (longInstrument, shortInstrument) = await InstrumentsAsync(asset).ConfigureAwait(false);
            var start = Stopwatch.GetTimestamp();
            var longRequest = await PostOnlyAtTouchAsync(_long, longInstrument, OrderSide.Buy).ConfigureAwait(false);
            var shortRequest = await PostOnlyAtTouchAsync(_short, shortInstrument, OrderSide.Sell).ConfigureAwait(false);
            var end = await PlaceBothAsync(longRequest, shortRequest).ConfigureAwait(false);
            await _long.CancelOrderAsync(longRequest.ClientOrderId, CancellationToken.None).ConfigureAwait(false);
            await _short.CancelOrderAsync(shortRequest.ClientOrderId, CancellationToken.None).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(start, end).TotalMicroseconds;
        }

        /// An exit: both legs opened at market (untimed), then per leg a client order id and a reduce-only market order.
        public async Task<double> ExitAsync(int asset)
        {
            var (longInstrument, shortInstrument) = await InstrumentsAsync(asset).ConfigureAwait(false);
            var quantity = longInstrument.Rules.QuantizeSize(PairWorld.SizeQuote / _long.Mid(longInstrument.Symbol));
            await _long.PlaceOrderAsync(OrderRequest.Market(NextId(), longInstrument, OrderSide.Buy, quantity), CancellationToken.None).ConfigureAwait(false);
            await _short.PlaceOrderAsync(OrderRequest.Market(NextId(), shortInstrument, OrderSide.Sell, quantity), CancellationToken.None).ConfigureAwait(false);

            var start = Stopwatch.GetTimestamp();
            var longClose = OrderRequest.Market(NextId(), longInstrument, OrderSide.Sell, quantity, reduceOnly: true);
            var shortClose = OrderRequest.Market(NextId(), shortInstrument, OrderSide.Buy, quantity, reduceOnly: true);
            var end = await PlaceBothAsync(longClose, shortClose).ConfigureAwait(false);
            return Stopwatch.GetElapsedTime(start, end).TotalMicroseconds;
        }

        private async Task<(Instrument Long, Instrument Short)> InstrumentsAsync(int asset)
        {
            var symbol = new Symbol(PairWorld.Symbol(asset));
            return ((await _long.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol),
                (await _short.GetInstrumentsAsync(CancellationToken.None).ConfigureAwait(false)).Single(i => i.Symbol == symbol));
        }

        /// Places both and returns the timestamp taken as the second placement starts.
        private async Task<long> PlaceBothAsync(OrderRequest longRequest, OrderRequest shortRequest)
        {
            var longAck = _long.PlaceOrderAsync(longRequest, CancellationToken.None);
            var end = Stopwatch.GetTimestamp();
            var shortAck = _short.PlaceOrderAsync(shortRequest, CancellationToken.None);
            await longAck.ConfigureAwait(false);
            await shortAck.ConfigureAwait(false);
            return end;
        }

        private ClientOrderId NextId() => ClientOrderId.Derive("direct", ++_sequence);

        private async Task<OrderRequest> PostOnlyAtTouchAsync(SimulatedVenue venue, Instrument instrument, OrderSide side)
        {
            var book = await venue.GetOrderBookAsync(instrument.Symbol, 1, CancellationToken.None).ConfigureAwait(false);
            var touch = side == OrderSide.Buy ? book.BestBid!.Value : book.BestAsk!.Value;
            var quantity = instrument.Rules.QuantizeSize(PairWorld.SizeQuote / touch);
            var clientOrderId = NextId();
            return OrderRequest.PostOnly(clientOrderId, instrument, side, quantity, instrument.Rules.QuantizePrice(touch, side));
        }
    }
}
