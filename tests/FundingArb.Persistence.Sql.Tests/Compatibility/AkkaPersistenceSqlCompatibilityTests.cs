using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using static FundingArb.Persistence.Sql.Tests.Infrastructure.LedgerActor;
using ApsReadJournal = Akka.Persistence.Sql.Query.SqlReadJournal;
using OurReadJournal = FundingArb.Persistence.Sql.Query.SqlReadJournal;

namespace FundingArb.Persistence.Sql.Tests.Compatibility;

/// <summary>
/// One database, either plugin: events, tags and snapshots written by Akka.Persistence.Sql are recovered and
/// queried by ours, and ours by it. The plugin that opens the database first creates the tables, so each
/// direction also checks the other plugin's schema.
/// </summary>
public abstract class AkkaPersistenceSqlCompatibilityTests(TestDatabase database)
    : LedgerTestKit(database, AkkaPersistenceSqlHocon(database))
{
    private const string ApsJournal = "akka.persistence.journal.sql";
    private const string ApsSnapshots = "akka.persistence.snapshot-store.sql";
    private const string ApsQueries = "akka.persistence.query.journal.sql";

    public override async Task InitializeAsync()
    {
        if (Database is PostgreSqlTestDatabase)
        {
            // Akka.Persistence.Sql creates tables, not schemas.
            await Database.ExecuteAsync($"CREATE SCHEMA IF NOT EXISTS \"{Database.Schema}\"");
        }
    }

    [Fact]
    public async Task RowsWrittenByAkkaPersistenceSql_AreRecoveredAndQueriedByOurs()
    {
        await WriteLedgerAsync("ledger", ApsJournal, ApsSnapshots);
        await WriteTaggedAsync(ApsJournal, "tagged");

        Sys.ActorOf(Props("ledger", Probe.Ref));

        await ExpectLedgerRecoveredAsync();
        var queries = PersistenceQuery.Get(Sys).ReadJournalFor<OurReadJournal>(TestDatabase.ReadJournal);
        var tagged = await ToListAsync(queries.CurrentEventsByTag("compat", Offset.NoOffset()));
        Assert.Equal(["t-1", "t-2"], tagged.Select(e => e.Event));
        Assert.Equal(105, (await ToListAsync(queries.CurrentEventsByPersistenceId("ledger", 0, long.MaxValue))).Count);
    }

    [Fact]
    public async Task RowsWrittenByOurs_AreRecoveredAndQueriedByAkkaPersistenceSql()
    {
        await WriteLedgerAsync("ledger", TestDatabase.Journal, TestDatabase.SnapshotStore);
        await WriteTaggedAsync(TestDatabase.Journal, "tagged");

        Sys.ActorOf(Props("ledger", Probe.Ref, ApsJournal, ApsSnapshots));

        await ExpectLedgerRecoveredAsync();
        var queries = PersistenceQuery.Get(Sys).ReadJournalFor<ApsReadJournal>(ApsQueries);
        var tagged = await ToListAsync(queries.CurrentEventsByTag("compat", Offset.NoOffset()));
        Assert.Equal(["t-1", "t-2"], tagged.Select(e => e.Event));
        Assert.Equal(105, (await ToListAsync(queries.CurrentEventsByPersistenceId("ledger", 0, long.MaxValue))).Count);
    }

    /// <summary>Akka.Persistence.Sql's plugins (their default ids) on the same database, tables and serializer.</summary>
    private static string AkkaPersistenceSqlHocon(TestDatabase database)
    {
        var schema = database is PostgreSqlTestDatabase ? $"default.schema-name = \"{database.Schema}\"" : "";
        var common = $"""
            connection-string = "{database.ConnectionString}"
            provider-name = "{database.LinqToDbProvider}"
            plugin-dispatcher = "akka.actor.default-dispatcher"
            {schema}
            """;
        return $$"""
            akka.persistence.journal.sql { {{common}} }
            akka.persistence.snapshot-store.sql { {{common}} }
            akka.persistence.query.journal.sql { {{common}}
              write-plugin = "{{ApsJournal}}"
              refresh-interval = 50ms
            }
            """;
    }

    /// <summary>105 events (100 in one PersistAll, a snapshot, then 5 one by one) with the given plugins.</summary>
    private async Task WriteLedgerAsync(string persistenceId, string journal, string snapshots)
    {
        var ledger = Sys.ActorOf(Props(persistenceId, Probe.Ref, journal, snapshots));
        await Probe.ExpectMsgAsync<Recovered>(TimeSpan.FromSeconds(20));
        ledger.Tell(new AddMany("e", 100, 0.01m), Probe.Ref);
        await Probe.ExpectMsgAsync<Added>(a => a.SequenceNr == 100);
        ledger.Tell(new Snap("snap"));
        await Probe.ExpectMsgAsync<SaveSnapshotSuccess>();
        for (var n = 1; n <= 5; n++)
        {
            ledger.Tell(new Add($"late-{n}", 1m), Probe.Ref);
            await Probe.ExpectMsgAsync<Added>();
        }

        await StopAsync(ledger);
    }

    private async Task WriteTaggedAsync(string journal, string persistenceId)
    {
        var writer = CreateTestProbe();
        IPersistentEnvelope[] writes =
        [
            new AtomicWrite(new Persistent(new Tagged("t-1", ["compat"]), 1, persistenceId, "", false, ActorRefs.NoSender, "w", 0)),
            new AtomicWrite(new Persistent(new Tagged("t-2", ["compat", "other"]), 2, persistenceId, "", false, ActorRefs.NoSender, "w", 0)),
        ];
        JournalFor(journal).Tell(new WriteMessages(writes, writer.Ref, 1));
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>(TimeSpan.FromSeconds(20));
        await writer.ExpectMsgAsync<WriteMessageSuccess>();
        await writer.ExpectMsgAsync<WriteMessageSuccess>();
    }

    private async Task ExpectLedgerRecoveredAsync()
    {
        var offered = await Probe.ExpectMsgAsync<SnapshotOffered>(TimeSpan.FromSeconds(20));
        Assert.Equal((100L, new LedgerState(1.00m, 100, "snap")), (offered.SequenceNr, offered.State));
        var recovered = await Probe.ExpectMsgAsync<Recovered>();
        Assert.Equal(new Recovered(new LedgerState(6.00m, 105, "late-5"), 105), recovered);
    }

    private async Task<List<T>> ToListAsync<T>(Source<T, Akka.NotUsed> query) =>
        [.. await query.RunWith(Sink.Seq<T>(), Sys.Materializer()).WaitAsync(TimeSpan.FromSeconds(20))];
}
