using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Simulation;

namespace FundingArb.Benchmarks.Actors;

// The journal of a node that ran 1,000 pairs for a month, written straight into an in-memory CountingJournal: the
// orchestrator's registry (1,000 ExecutorRegistered) and per executor 200 events as the executor writes them: entry
// started, two write-ahead intents, two fills, two resolutions, opened, then 192 funding payments (96 settlements x 2
// legs, 8 h apart). Amounts are small enough that no exit rule fires on the recovered pairs (a check below).
// A recovery is a node restart on that journal: FundingArbNode.Start on a new system, the orchestrator replays its
// registry and starts every executor, each replays its 200 events and reports; timed until the orchestrator answers
// AwaitExecutorsRecovered (it does once it holds every executor's report). The baselines read the same events straight
// from the journal's store.

/// Node restart with 1,000 executors x 200 events, and the same events read without actors.
internal static class ExecutorRecoveryScenario
{
    public const int Executors = 1_000;
    public const int EventsPerExecutor = 200;
    private const int Settlements = (EventsPerExecutor - 8) / 2;

    /// The journal, registered for the nodes that recover from it; unregister it once done.
    public static CountingJournal Seed()
    {
        var journal = new CountingJournal(keepEvents: true).Registered();
        var opened = PairWorld.Start - (TimeSpan.FromHours(8) * (Settlements + 1));
        var registry = new List<IPersistentRepresentation>(Executors);
        for (var i = 0; i < Executors; i++)
        {
            var spec = Spec(i);
            registry.Add(Stored(new ExecutorRegistered(spec), i + 1, OrchestratorActor.Id));
            journal.Seed(PairEvents(spec, opened).Select((e, n) => Stored(e, n + 1, spec.ExecutorId)));
        }

        journal.Seed(registry);
        return journal;
    }

    /// Milliseconds from FundingArbNode.Start to every executor recovered and reported; checks what they recovered.
    public static async Task<double> RecoverAsync(CountingJournal seeded)
    {
        var clock = new VirtualClock(PairWorld.Start);
        var scenario = PairWorld.Scenario(Executors);
        var venues = scenario.CreateVenues(clock);
        var settings = PairWorld.Settings(controller: false, ExecutionMode.MarketOnly);
        var exitsBefore = seeded.Count<PairExitStarted>();
        var start = Stopwatch.GetTimestamp();
        var (system, node, _, _) = BenchNode.StartSystem(clock, venues, settings, CountingJournalPlugin.Config(seeded));
        try
        {
            var report = await node.Orchestrator.Ask<ExecutorsReport>(AwaitExecutorsRecovered.Instance, BenchNode.Deadline).ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            if (report.Executors.Length != Executors)
            {
                throw new InvalidOperationException($"{report.Executors.Length} of {Executors} executors recovered");
            }

            Check(report);
            await BenchNode.WaitForMarketsAsync(node, scenario.Venues.Sum(v => v.Markets.Length)).ConfigureAwait(false);
            if (seeded.Count<PairExitStarted>() != exitsBefore)
            {
                throw new InvalidOperationException($"{seeded.Count<PairExitStarted>() - exitsBefore} recovered pairs decided to exit; the seeded amounts should not trigger any rule");
            }

            return elapsed;
        }
        finally
        {
            await system.Terminate().WaitAsync(BenchNode.Deadline, TimeProvider.System).ConfigureAwait(false);
            foreach (var venue in venues)
            {
                venue.Dispose();
            }
        }
    }

    /// Milliseconds to read every executor's events and the registry from the journal's store, optionally folding each
    /// executor's into a PairState; returns the events read, to be checked.
    public static (double Milliseconds, long Events) Read(CountingJournal seeded, bool fold)
    {
        var start = Stopwatch.GetTimestamp();
        long read = seeded.Events(OrchestratorActor.Id, 1, long.MaxValue, long.MaxValue).Count;
        for (var i = 0; i < Executors; i++)
        {
            var spec = Spec(i);
            var state = new PairState(spec);
            foreach (var persistent in seeded.Events(spec.ExecutorId, 1, long.MaxValue, long.MaxValue))
            {
                read++;
                if (fold)
                {
                    state.Apply(persistent.Payload);
                }
            }
        }

        return (Stopwatch.GetElapsedTime(start).TotalMilliseconds, read);
    }

    private static Persistent Stored(object payload, long sequenceNr, string persistenceId) =>
        new(payload, sequenceNr, persistenceId, manifest: "", isDeleted: false, ActorRefs.NoSender, writerGuid: "seed");

    private static PairSpec Spec(int i) => new($"pair-{PairWorld.Asset(i)}-{PairWorld.LongVenue}-{PairWorld.ShortVenue}-1", PairWorld.Asset(i),
        PairWorld.LongVenue, PairWorld.Symbol(i), PairWorld.ShortVenue, PairWorld.Symbol(i), "USDT", PairWorld.SizeQuote);

    private static List<object> PairEvents(PairSpec spec, DateTimeOffset opened)
    {
        var longId = ClientOrderId.Derive(spec.ExecutorId, 2).Value;
        var shortId = ClientOrderId.Derive(spec.ExecutorId, 3).Value;
        var events = new List<object>(EventsPerExecutor)
        {
            new PairEntryStarted(10m, 100.01m, 99.99m, 0.0012m, opened),
            new PairOrderIntended("entry-long", longId, spec.LongVenue, spec.LongSymbol, OrderSide.Buy, OrderType.Market, 10m, null, false, opened),
            new PairOrderIntended("entry-short", shortId, spec.ShortVenue, spec.ShortSymbol, OrderSide.Sell, OrderType.Market, 10m, null, false, opened),
            new PairLegFilled("entry-long", spec.LongVenue, longId, $"{spec.ExecutorId}-t1", OrderSide.Buy, 100.01m, 10m, 0.5m, "USDT", LiquidityRole.Taker, opened),
            new PairLegFilled("entry-short", spec.ShortVenue, shortId, $"{spec.ExecutorId}-t2", OrderSide.Sell, 99.99m, 10m, 0.5m, "USDT", LiquidityRole.Taker, opened),
            new PairOrderResolved(longId, OrderStatus.Filled),
            new PairOrderResolved(shortId, OrderStatus.Filled),
            new PairOpened(opened),
        };
        for (var n = 1; n <= Settlements; n++)
        {
            var at = opened + (TimeSpan.FromHours(8) * n);
            events.Add(new PairFundingReceived(spec.LongVenue, spec.LongSymbol, PositionSide.Long, 10m, 100m, 0.00001m, -0.01m, at));
            events.Add(new PairFundingReceived(spec.ShortVenue, spec.ShortSymbol, PositionSide.Short, 10m, 100m, 0.00002m, 0.02m, at));
        }

        return events;
    }

    private static void Check(ExecutorsReport report)
    {
        var expectedFunding = Settlements * 0.01m;
        var wrong = report.Executors.FirstOrDefault(r => r.Phase != PairPhase.Open || r.FundingQuote != expectedFunding || r.Status != RunnableStatus.Running);
        if (wrong is not null)
        {
            throw new InvalidOperationException($"{wrong.Spec.ExecutorId} recovered as {wrong.Phase} with funding {wrong.FundingQuote}, expected Open with {expectedFunding}");
        }
    }
}
