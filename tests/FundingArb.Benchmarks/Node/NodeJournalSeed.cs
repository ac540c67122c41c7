using System.Collections.Immutable;
using Akka.Actor;
using Akka.Configuration;
using Akka.Persistence;
using FundingArb.Actors.Journaling;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Persistence.Sql;
using FundingArb.Trading.Executors;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using Microsoft.Data.Sqlite;

namespace FundingArb.Benchmarks.Node;

/// Writes a node's journal as months of trading leave it: the orchestrator's registry and, per executor, a whole
/// closed life cycle (entry, both fills, funding payments, exit, both fills), so a start has all of it to replay. The
/// file is the node's (data/journal.db), written through our SQLite plugin and the event serializer as the node writes.
internal static class NodeJournalSeed
{
    private static readonly DateTimeOffset s_start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    public static async Task WriteAsync(string dataDirectory, int executors, int eventsPerExecutor)
    {
        Directory.CreateDirectory(dataDirectory);
        var connection = $"Data Source={Path.Combine(dataDirectory, "journal.db")}";

        // The tables exist even in an empty journal, as in the data folder of a node that has run.
        await using (var database = SqlDatabase.Open(SqlProvider.Sqlite, connection, "public", autoInitialize: true, () => s_start.UtcTicks))
        {
            await database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
        }

        var specs = Enumerable.Range(1, executors)
            .Select(i => new PairSpec($"pair-BTC-alpha-beta-{i}", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 6_000m))
            .ToList();
        var system = ActorSystem.Create("bench-seed", Config(connection));
        try
        {
            var journal = Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(SqlPersistence.SqliteJournal);

            // Sent at once: the journal's group commit takes them a batch per transaction, as it does a node's writers.
            var writes = specs.Select(s => WriteAsync(journal, s.ExecutorId, LifeCycle(s.ExecutorId, eventsPerExecutor)))
                .Append(WriteAsync(journal, OrchestratorActor.Id, [.. specs.Select(s => (object)new ExecutorRegistered(s))]));
            await Task.WhenAll(writes).ConfigureAwait(false);
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }

        // A rejected event is answered after the batch's success; the rows say whether every event is there.
        var expected = executors * (eventsPerExecutor + 1L);
        if (await CountRowsAsync(connection).ConfigureAwait(false) != expected)
        {
            throw new InvalidOperationException($"the seeded journal does not hold the {expected} events written");
        }
    }

    private static Config Config(string connection) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.persistence.journal.fundingarb-sqlite.connection-string = "{{connection}}"
        """).WithFallback(EventSerializer.Config).WithFallback(SqlPersistence.DefaultConfig());

    private static async Task WriteAsync(IActorRef journal, string persistenceId, List<object> events)
    {
        if (events.Count == 0)
        {
            return;
        }

        var writes = events
            .Select((e, i) => (IPersistentEnvelope)new AtomicWrite(new Persistent(e, i + 1, persistenceId, "", false, ActorRefs.NoSender, "seed",
                s_start.UtcTicks + i)))
            .ToImmutableList();
        var reply = await journal.Ask<object>(sender => new WriteMessages(writes, sender, 1), s_deadline, CancellationToken.None).ConfigureAwait(false);
        if (reply is not WriteMessagesSuccessful)
        {
            throw new InvalidOperationException($"seeding {persistenceId} failed: {reply}");
        }
    }

    private static async Task<long> CountRowsAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var count = new SqliteCommand("SELECT COUNT(*) FROM journal", connection);
        var rows = (long)(await count.ExecuteScalarAsync().ConfigureAwait(false))!;
        await connection.CloseAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
        return rows;
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
