using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;
using Akka.Persistence.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using FundingArb.Persistence.Sql.Query;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Query;

/// <summary>
/// The Akka.Persistence.Query specs for EventsByPersistenceId, EventsByTag, AllEvents and PersistenceIds,
/// current and live, on the read journal's Akka.Streams sources. Live queries refresh every 50 ms; the tests
/// await what they expect with a deadline. Pages are two events long, so every query crosses pages.
/// </summary>
public abstract class ReadJournalContractTests(TestDatabase database) : SqlTestKit(database)
{
    private static int s_counter;

    private readonly string _prefix = $"q{Interlocked.Increment(ref s_counter)}-";
    private SqlReadJournal _queries = null!;
    private IActorRef _journal = ActorRefs.Nobody;

    public override Task InitializeAsync()
    {
        _queries = PersistenceQuery.Get(Sys).ReadJournalFor<SqlReadJournal>(TestDatabase.ReadJournal);
        _journal = JournalFor();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_ExistingEvents_FindsThemInOrderWithTimestamps()
    {
        await WriteAsync("a", 3);

        var events = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue));

        Assert.Equal(["a-1", "a-2", "a-3"], events.Select(e => e.Event));
        Assert.Equal([1L, 2, 3], events.Select(e => e.SequenceNr));
        Assert.All(events, e => Assert.Equal(Id("a"), e.PersistenceId));
        Assert.All(events, e => Assert.True(e.Timestamp > 0));
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_UpperBound_StopsAtIt()
    {
        await WriteAsync("a", 5);

        var events = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 2, 3));

        Assert.Equal(["a-2", "a-3"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_EventsWrittenAfterItCompleted_AreNotDelivered()
    {
        await WriteAsync("a", 2);
        var first = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue));

        await WriteAsync("a", 1, from: 3);

        Assert.Equal(2, first.Count);
        Assert.Equal(3, (await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue))).Count);
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_AfterFullCleanup_IsEmpty()
    {
        await WriteAsync("a", 3);
        await DeleteAsync(Id("a"), long.MaxValue);

        var all = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue));
        var none = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, 0));

        Assert.Empty(all);
        Assert.Empty(none);
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_AfterPartialCleanup_FindsTheRest()
    {
        await WriteAsync("a", 5);
        await DeleteAsync(Id("a"), 2);

        var events = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue));

        Assert.Equal(["a-3", "a-4", "a-5"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_FromAboveHighest_IsEmpty()
    {
        await WriteAsync("a", 3);

        var events = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 4, long.MaxValue));

        Assert.Empty(events);
    }

    [Fact]
    public async Task EventsByPersistenceId_NewEvents_AreDeliveredAfterARefresh()
    {
        await WriteAsync("a", 3);
        var live = Live(_queries.EventsByPersistenceId(Id("a"), 0, long.MaxValue));
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 3), TimeSpan.FromSeconds(10));

        await WriteAsync("a", 2, from: 4);

        await AwaitConditionAsync(() => Task.FromResult(live.Count == 5), TimeSpan.FromSeconds(10));
        Assert.Equal(["a-1", "a-2", "a-3", "a-4", "a-5"], live.Items.Select(e => e.Event));
        live.Shutdown();
        await live.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task EventsByPersistenceId_UpperBound_CompletesWhenReached()
    {
        await WriteAsync("a", 1);
        var live = Live(_queries.EventsByPersistenceId(Id("a"), 0, 3));
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 1), TimeSpan.FromSeconds(10));

        await WriteAsync("a", 4, from: 2);

        await AwaitConditionAsync(() => Task.FromResult(live.Completion.IsCompleted), TimeSpan.FromSeconds(10));
        await live.Completion;
        Assert.Equal([1L, 2, 3], live.Items.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task CurrentEventsByTag_TaggedEvents_FindsThemInOffsetOrder()
    {
        await WriteAsync("a", 4, tag: n => n % 2 == 0 ? "even" : "odd");
        await WriteAsync("b", 2, tag: _ => "even");

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("even"), Offset.NoOffset()));

        Assert.Equal(["a-2", "a-4", "b-1", "b-2"], events.Select(e => e.Event));
        Assert.True(events.Select(OffsetOf).SequenceEqual(events.Select(OffsetOf).Order()));
        Assert.All(events, e => Assert.Equal(Tag("even"), Assert.Single(e.Tags)));
        Assert.All(events, e => Assert.True(e.Timestamp > 0));
    }

    [Fact]
    public async Task CurrentEventsByTag_Offset_IsExclusive()
    {
        await WriteAsync("a", 3, tag: _ => "t");
        var all = await ToListAsync(_queries.CurrentEventsByTag(Tag("t"), Offset.NoOffset()));

        var after = await ToListAsync(_queries.CurrentEventsByTag(Tag("t"), all[0].Offset));

        Assert.Equal(["a-2", "a-3"], after.Select(e => e.Event));
    }

    [Fact]
    public async Task CurrentEventsByTag_NoSuchEvents_Completes()
    {
        await WriteAsync("a", 2);

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("none"), Offset.NoOffset()));

        Assert.Empty(events);
    }

    [Fact]
    public async Task CurrentEventsByTag_150Events_SeesAllInOrder()
    {
        await WriteAsync("a", 150, tag: _ => "many");

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("many"), Offset.NoOffset()));

        Assert.Equal(Enumerable.Range(1, 150).Select(n => (long)n), events.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task EventsByTag_NewEvents_AreDeliveredAndCancellationCompletesTheQuery()
    {
        await WriteAsync("a", 2, tag: _ => "live");
        var live = Live(_queries.EventsByTag(Tag("live"), Offset.NoOffset()));
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 2), TimeSpan.FromSeconds(10));

        await WriteAsync("b", 3, tag: _ => "live");
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 5), TimeSpan.FromSeconds(10));
        live.Shutdown();

        await live.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["a-1", "a-2", "b-1", "b-2", "b-3"], live.Items.Select(e => e.Event));
    }

    [Fact]
    public async Task EventsByTag_LiveDuringConcurrentWriters_MissesAndRepeatsNothing()
    {
        var live = Live(_queries.EventsByTag(Tag("busy"), Offset.NoOffset()));

        // 20 writers, 50 events each, one event per write: the group commit mixes them into shared transactions.
        var writers = Enumerable.Range(0, 20).Select(async w =>
        {
            for (var n = 1; n <= 50; n++)
            {
                await WriteAsync($"w{w}", 1, from: n, tag: _ => "busy");
            }
        });
        await Task.WhenAll(writers);

        await AwaitConditionAsync(() => Task.FromResult(live.Count >= 1_000), TimeSpan.FromSeconds(20));
        var offsets = live.Items.Select(OffsetOf).ToList();
        Assert.Equal(1_000, offsets.Count);
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(1_000, offsets.Distinct().Count());
    }

    [Fact]
    public async Task CurrentAllEvents_EventsOfSeveralIds_FindsEveryOneInOffsetOrder()
    {
        var before = await ToListAsync(_queries.CurrentAllEvents(Offset.NoOffset()));
        var start = before.Count == 0 ? 0 : OffsetOf(before[^1]);
        await WriteAsync("a", 2);
        await WriteAsync("b", 2);

        var events = await ToListAsync(_queries.CurrentAllEvents(Offset.Sequence(start)));

        Assert.Equal(["a-1", "a-2", "b-1", "b-2"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task AllEvents_NewEvents_AreDelivered()
    {
        await WriteAsync("a", 1);
        var live = Live(_queries.AllEvents(Offset.NoOffset()));
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 1), TimeSpan.FromSeconds(10));

        await WriteAsync("b", 2);

        await AwaitConditionAsync(() => Task.FromResult(live.Count == 3), TimeSpan.FromSeconds(10));
        Assert.Equal(["a-1", "b-1", "b-2"], live.Items.Select(e => e.Event));
    }

    [Fact]
    public async Task CurrentPersistenceIds_IdsWithEvents_DeliversEachOnce()
    {
        await WriteAsync("a", 3);
        await WriteAsync("b", 1);
        await WriteAsync("a", 2, from: 4);

        var ids = await ToListAsync(_queries.CurrentPersistenceIds());

        Assert.Equal([Id("a"), Id("b")], ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CurrentPersistenceIds_IdWithSnapshotAndEvents_DeliversItOnce()
    {
        await WriteAsync("a", 2);
        SnapshotStoreFor().Tell(new SaveSnapshot(new SnapshotMetadata(Id("a"), 2, DateTime.MinValue), "s"), TestActor);
        await ExpectMsgAsync<SaveSnapshotSuccess>();

        var ids = await ToListAsync(_queries.CurrentPersistenceIds());

        Assert.Equal([Id("a")], ids);
    }

    [Fact]
    public async Task PersistenceIds_NewIds_AreDeliveredOnce()
    {
        await WriteAsync("a", 1);
        var live = Live(_queries.PersistenceIds());
        await AwaitConditionAsync(() => Task.FromResult(live.Count == 1), TimeSpan.FromSeconds(10));

        await WriteAsync("a", 1, from: 2);
        await WriteAsync("b", 1);

        await AwaitConditionAsync(() => Task.FromResult(live.Count == 2), TimeSpan.FromSeconds(10));
        Assert.Equal([Id("a"), Id("b")], live.Items);
    }

    [Fact]
    public async Task CurrentAllEvents_UnreadableRow_DeliversTheRowsBeforeItThenFailsWithItsOffset()
    {
        await WriteAsync("a", 3);
        await Database.ExecuteAsync($"UPDATE journal SET manifest = 'test.gone.v9' WHERE persistence_id = '{Id("a")}' AND sequence_number = 3");
        var delivered = new List<EventEnvelope>();

        var error = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            _queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue).RunForeach(delivered.Add, Sys.Materializer()).WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(["a-1", "a-2"], delivered.Select(e => e.Event));
        Assert.Equal((Id("a"), 3L, "test.gone.v9"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Equal(((Sequence)delivered[^1].Offset).Value + 1, error.Offset);
        var resumed = await ToListAsync(_queries.CurrentAllEvents(Offset.Sequence(error.Offset!.Value)));
        Assert.DoesNotContain(resumed, e => e.PersistenceId == Id("a") && e.SequenceNr == 3);
    }

    private async Task DeleteAsync(string persistenceId, long toSequenceNr)
    {
        _journal.Tell(new DeleteMessagesTo(persistenceId, toSequenceNr, TestActor));
        await ExpectMsgAsync<DeleteMessagesSuccess>();
    }

    private string Id(string name) => _prefix + name;

    private string Tag(string name) => _prefix + name;

    private async Task WriteAsync(string name, int count, long from = 1, Func<long, string>? tag = null)
    {
        var writer = CreateTestProbe();
        var writes = Enumerable.Range(0, count).Select(i =>
        {
            var n = from + i;
            object payload = tag is null ? $"{name}-{n}" : new Tagged($"{name}-{n}", [Tag(tag(n))]);
            return (IPersistentEnvelope)new AtomicWrite(new Persistent(payload, n, Id(name), "", false, ActorRefs.NoSender, "w", 1_000 + n));
        }).ToList();
        _journal.Tell(new WriteMessages(writes, writer.Ref, 1));
        await writer.ExpectMsgAsync<WriteMessagesSuccessful>();
        for (var i = 0; i < count; i++)
        {
            await writer.ExpectMsgAsync<WriteMessageSuccess>();
        }
    }

    private LiveCollector<T> Live<T>(Source<T, Akka.NotUsed> query) => new(query, Sys.Materializer());

    private async Task<List<T>> ToListAsync<T>(Source<T, Akka.NotUsed> query) =>
        [.. await query.RunWith(Sink.Seq<T>(), Sys.Materializer()).WaitAsync(TimeSpan.FromSeconds(10))];

    private static long OffsetOf(EventEnvelope envelope) => ((Sequence)envelope.Offset).Value;
}
