using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using System.Runtime.Serialization;
using Akka.TestKit;
using FundingArb.Persistence.Sql.Journal;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Journal;

/// <summary>
/// What the SQL journal promises beyond the TCK, spoken through the journal protocol: group commit isolation,
/// in-flight writes, atomic rejections, unreadable rows and rows under an old manifest.
/// </summary>
public abstract class SqlJournalContractTests(TestDatabase database) : SqlTestKit(database)
{
    [Fact]
    public async Task WriteMessages_DuplicateAmongConcurrentWrites_FailsOnlyTheDuplicate()
    {
        var journal = JournalFor();
        var first = CreateTestProbe();
        await WriteAsync(journal, first, Event("dup", 1));
        var writers = Enumerable.Range(0, 50).Select(_ => CreateTestProbe()).ToList();
        for (var i = 0; i < writers.Count; i++)
        {
            journal.Tell(new WriteMessages([new AtomicWrite(Event($"good-{i}", 1))], writers[i].Ref, 1));
        }

        var duplicate = CreateTestProbe();
        journal.Tell(new WriteMessages([new AtomicWrite(Event("dup", 1))], duplicate.Ref, 1));

        await duplicate.ExpectMsgAsync<WriteMessagesFailed>();
        var failure = await duplicate.ExpectMsgAsync<WriteMessageFailure>();
        var conflict = Assert.IsType<JournalConcurrencyException>(failure.Cause);
        Assert.Equal("dup", conflict.PersistenceId);
        foreach (var writer in writers)
        {
            await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
            await writer.ExpectMsgAsync<WriteMessageSuccess>();
        }

        Assert.Equal(50, await Database.ScalarAsync("SELECT COUNT(*) FROM journal WHERE persistence_id LIKE 'good-%'"));
    }

    [Fact]
    public async Task ReplayMessages_WhileWriteInFlight_ReportsTheHighestAfterIt()
    {
        var journal = JournalFor();
        var writer = CreateTestProbe();
        var events = Enumerable.Range(1, 500).Select(n => (IPersistentRepresentation)Event("inflight", n)).ToImmutableList();
        journal.Tell(new WriteMessages([new AtomicWrite(events)], writer.Ref, 1));

        journal.Tell(new ReplayMessages(1, long.MaxValue, 0, "inflight", TestActor));

        await ExpectMsgAsync<RecoverySuccess>(m => m.HighestSequenceNr == 500);
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
    }

    [Fact]
    public async Task WriteMessages_AtomicWriteWithOneUnserializableEvent_StoresNoneOfIt()
    {
        var journal = JournalFor();
        var mixed = new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(Event("mixed", 1), Event("mixed", 2, new NotRegistered(2))));

        journal.Tell(new WriteMessages([mixed, new AtomicWrite(Event("mixed-other", 1))], TestActor, 1));

        await ExpectMsgAsync<WriteMessagesSuccessful>();
        Assert.IsType<SerializationException>((await ExpectMsgAsync<WriteMessageRejected>(m => m.Persistent.SequenceNr == 1)).Cause);
        await ExpectMsgAsync<WriteMessageRejected>(m => m.Persistent.SequenceNr == 2);
        await ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.PersistenceId == "mixed-other");
        Assert.Equal(0, await Database.ScalarAsync("SELECT COUNT(*) FROM journal WHERE persistence_id = 'mixed'"));
    }

    [Fact]
    public async Task ReplayMessages_RowWithUnknownManifest_FailsNamingTheRowAndOthersStillReplay()
    {
        var journal = JournalFor();
        await WriteAsync(journal, CreateTestProbe(), Event("readable", 1));
        await WriteAsync(journal, CreateTestProbe(), Event("unreadable", 1, new TestPayload("x", 1m)));
        await Database.ExecuteAsync("UPDATE journal SET manifest = 'test.gone.v9' WHERE persistence_id = 'unreadable'");

        journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "unreadable", TestActor));
        var failure = await ExpectMsgAsync<ReplayMessagesFailure>();
        journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "readable", TestActor));

        var error = Assert.IsType<EventDeserializationException>(failure.Cause);
        Assert.Equal(("unreadable", 1L, "test.gone.v9", (int?)TestSerializer.Id), (error.PersistenceId, error.SequenceNr, error.Manifest, error.SerializerId));
        Assert.Contains("'test.gone.v9'", error.Message, StringComparison.Ordinal);
        Assert.Equal("e-1", (await ExpectMsgAsync<ReplayedMessage>()).Persistent.Payload);
        await ExpectMsgAsync<RecoverySuccess>(m => m.HighestSequenceNr == 1);
    }

    [Fact]
    public async Task ReplayMessages_RowUnderOldManifest_IsReadByTheSerializer()
    {
        var journal = JournalFor();
        await WriteAsync(journal, CreateTestProbe(), Event("upcast", 1, new TestPayload("old", 5m)));
        await Database.ExecuteAsync("UPDATE journal SET manifest = 'test.payload.v0' WHERE persistence_id = 'upcast'");

        JournalFor(TestDatabase.ReopenedJournal).Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "upcast", TestActor));

        Assert.Equal(new TestPayload("old", 0m), (await ExpectMsgAsync<ReplayedMessage>()).Persistent.Payload);
    }

    [Fact]
    public async Task WriteMessages_Event_StoresSerializerIdManifestAndBytes()
    {
        await WriteAsync(JournalFor(), CreateTestProbe(), Event("columns", 1, new TestPayload("x", 1m)));

        Assert.Equal(TestSerializer.Id, await Database.ScalarAsync("SELECT identifier FROM journal WHERE persistence_id = 'columns'"));
        Assert.Equal(1, await Database.ScalarAsync("SELECT COUNT(*) FROM journal WHERE persistence_id = 'columns' AND manifest = 'test.payload.v1'"));
    }

    private static async Task WriteAsync(IActorRef journal, TestProbe writer, IPersistentRepresentation persistent)
    {
        journal.Tell(new WriteMessages([new AtomicWrite(persistent)], writer.Ref, 1));
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
        await writer.ExpectMsgAsync<WriteMessageSuccess>();
    }

    private static Persistent Event(string pid, long sequenceNr, object? payload = null) =>
        new(payload ?? $"e-{sequenceNr}", sequenceNr, pid, manifest: "", isDeleted: false, ActorRefs.NoSender, writerGuid: "w", timestamp: 1);
}
