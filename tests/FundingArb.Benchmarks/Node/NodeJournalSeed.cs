using FundingArb.Actors.Journaling;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;

namespace FundingArb.Benchmarks.Node;

/// Writes a node's journal as months of trading leave it: the orchestrator's registry and, per executor, a whole
/// closed life cycle (entry, both fills, funding payments, exit, both fills), so a start has all of it to replay.
internal static class NodeJournalSeed
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(string dataDirectory, int executors, int eventsPerExecutor, ILoggingAdapter log)
    {
        Directory.CreateDirectory(dataDirectory);
        var registry = new EventManifestRegistry();
        foreach (var (type, manifest) in ActorEventManifests.All)
        {
            registry.Register(type, manifest);
        }

        var settings = new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(dataDirectory, "fundingarb.db")}" };
        await using var journal = SqlPersistence.CreateJournal(settings, registry, TimeProvider.System, log);
        var specs = Enumerable.Range(1, executors)
            .Select(i => new PairSpec($"pair-BTC-alpha-beta-{i}", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m))
            .ToList();
        await WriteAsync(journal, "orchestrator", [.. specs.Select(s => (object)new ExecutorRegistered(s))]);
        foreach (var spec in specs)
        {
            await WriteAsync(journal, spec.ExecutorId, LifeCycle(spec.ExecutorId, eventsPerExecutor));
        }
    }

    private static async Task WriteAsync(AsyncWriteJournal journal, string persistenceId, IReadOnlyList<object> events)
    {
        var writes = events
            .Select((e, i) => new AtomicWrite([new Persistent(e, i + 1, persistenceId, WriterGuid: "seed", Timestamp: s_start.UtcTicks + i)]))
            .ToList();
        foreach (var batch in writes.Chunk(500))
        {
            var failures = await journal.WriteMessagesAsync(batch, CancellationToken.None);
            if (failures?.FirstOrDefault(f => f is not null) is { } failure)
            {
                throw failure;
            }
        }
    }

    private static List<object> LifeCycle(string id, int count)
    {
        var at = s_start;
        var events = new List<object> { new PairEntryStarted(0.1m, 60_000m, 60_010m, 0.0015m, at) };
        var entryLong = ClientOrderId.Derive(id, 2).Value;
        var entryShort = ClientOrderId.Derive(id, 3).Value;
        events.Add(new PairOrderIntended("entry-long", entryLong, "alpha", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.1m, null, false, at));
        events.Add(new PairOrderIntended("entry-short", entryShort, "beta", "BTCUSDT", OrderSide.Sell, OrderType.Market, 0.1m, null, false, at));
        events.Add(new PairLegFilled("entry-long", "alpha", entryLong, $"{id}-t1", OrderSide.Buy, 60_000m, 0.1m, 3m, "USDT", LiquidityRole.Taker, at));
        events.Add(new PairLegFilled("entry-short", "beta", entryShort, $"{id}-t2", OrderSide.Sell, 60_010m, 0.1m, 3.3m, "USDT", LiquidityRole.Taker, at));
        events.Add(new PairOrderResolved(entryLong, OrderStatus.Filled));
        events.Add(new PairOrderResolved(entryShort, OrderStatus.Filled));
        events.Add(new PairOpened(at));
        const int Exit = 8;
        for (var payment = 0; events.Count < count - Exit; payment++)
        {
            at += TimeSpan.FromHours(4);
            events.Add(payment % 2 == 0
                ? new PairFundingReceived("beta", "BTCUSDT", PositionSide.Short, 0.1m, 60_000m, 0.0003m, 1.8m, at)
                : new PairFundingReceived("alpha", "BTCUSDT", PositionSide.Long, 0.1m, 60_000m, 0.0001m, -0.6m, at));
        }

        var exitLong = ClientOrderId.Derive(id, events.Count + 2).Value;
        var exitShort = ClientOrderId.Derive(id, events.Count + 3).Value;
        events.Add(new PairExitStarted(CloseType.TakeProfit, "profit target", at));
        events.Add(new PairOrderIntended("exit-long", exitLong, "alpha", "BTCUSDT", OrderSide.Sell, OrderType.Market, 0.1m, null, true, at));
        events.Add(new PairOrderIntended("exit-short", exitShort, "beta", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.1m, null, true, at));
        events.Add(new PairLegFilled("exit-long", "alpha", exitLong, $"{id}-t3", OrderSide.Sell, 60_100m, 0.1m, 3m, "USDT", LiquidityRole.Taker, at));
        events.Add(new PairLegFilled("exit-short", "beta", exitShort, $"{id}-t4", OrderSide.Buy, 60_090m, 0.1m, 3.3m, "USDT", LiquidityRole.Taker, at));
        events.Add(new PairOrderResolved(exitLong, OrderStatus.Filled));
        events.Add(new PairOrderResolved(exitShort, OrderStatus.Filled));
        events.Add(new PairClosed(CloseType.TakeProfit, "profit target", at));
        return events;
    }
}
