using FundingArb.Kernel;
using System.Collections.Immutable;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.Persistence.Query;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Query;

/// <summary>
/// The Akka.Persistence.Query specs for EventsByPersistenceId, EventsByTag, AllEvents and PersistenceIds,
/// current and live. Live queries poll on a virtual clock: the test moves it to make them look again.
/// Pages are two events long, so every query crosses pages.
/// </summary>
public abstract class ReadJournalContractTests : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan s_refresh = TimeSpan.FromSeconds(1);
    private static int s_counter;

    private readonly TestStores _stores;
    private readonly VirtualClock _clock = new();
    private readonly Lock _clockGate = new();
    private readonly string _prefix = $"q{Interlocked.Increment(ref s_counter)}-";
    private AsyncWriteJournal _journal = null!;
    private ReadJournal _queries = null!;

    protected ReadJournalContractTests()
    {
        _stores = CreateStores();
    }

    public Task InitializeAsync()
    {
        _journal = _stores.CreateJournal(Sys.Log);
        _queries = _stores.CreateReadJournal(_clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _queries.DisposeAsync();
        await _journal.DisposeAsync();
        await _stores.DisposeAsync();
    }

    protected abstract TestStores CreateStores();

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
        await _journal.DeleteMessagesToAsync(Id("a"), long.MaxValue, CancellationToken.None);

        var all = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, long.MaxValue));
        var none = await ToListAsync(_queries.CurrentEventsByPersistenceId(Id("a"), 0, 0));

        Assert.Empty(all);
        Assert.Empty(none);
    }

    [Fact]
    public async Task CurrentEventsByPersistenceId_AfterPartialCleanup_FindsTheRest()
    {
        await WriteAsync("a", 5);
        await _journal.DeleteMessagesToAsync(Id("a"), 2, CancellationToken.None);

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
        using var live = new LiveCollector<EventEnvelope>(ct => _queries.EventsByPersistenceId(Id("a"), 0, long.MaxValue, ct));
        await AwaitConditionAsync(() => live.Count == 3);

        await WriteAsync("a", 2, from: 4);

        await AwaitConditionAsync(() => Refresh(() => live.Count == 5));
        Assert.Equal(["a-1", "a-2", "a-3", "a-4", "a-5"], live.Items.Select(e => e.Event));
        live.Cancel();
        await live.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task EventsByPersistenceId_UpperBound_CompletesWhenReached()
    {
        await WriteAsync("a", 1);
        using var live = new LiveCollector<EventEnvelope>(ct => _queries.EventsByPersistenceId(Id("a"), 0, 3, ct));
        await AwaitConditionAsync(() => live.Count == 1);

        await WriteAsync("a", 4, from: 2);

        await AwaitConditionAsync(() => Refresh(() => live.Completion.IsCompleted));
        await live.Completion;
        Assert.Equal([1L, 2, 3], live.Items.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task CurrentEventsByTag_TaggedEvents_FindsThemInOffsetOrder()
    {
        await WriteAsync("a", 4, tag: n => n % 2 == 0 ? "even" : "odd");
        await WriteAsync("b", 2, tag: _ => "even");

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("even"), 0));

        Assert.Equal(["a-2", "a-4", "b-1", "b-2"], events.Select(e => e.Event));
        Assert.True(events.Select(e => e.Offset).SequenceEqual(events.Select(e => e.Offset).Order()));
        Assert.All(events, e => Assert.Equal(Tag("even"), Assert.Single(e.Tags)));
        Assert.All(events, e => Assert.True(e.Timestamp > 0));
    }

    [Fact]
    public async Task CurrentEventsByTag_Offset_IsExclusive()
    {
        await WriteAsync("a", 3, tag: _ => "t");
        var all = await ToListAsync(_queries.CurrentEventsByTag(Tag("t"), 0));

        var after = await ToListAsync(_queries.CurrentEventsByTag(Tag("t"), all[0].Offset));

        Assert.Equal(["a-2", "a-3"], after.Select(e => e.Event));
    }

    [Fact]
    public async Task CurrentEventsByTag_NoSuchEvents_Completes()
    {
        await WriteAsync("a", 2);

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("none"), 0));

        Assert.Empty(events);
    }

    [Fact]
    public async Task CurrentEventsByTag_150Events_SeesAllInOrder()
    {
        await WriteAsync("a", 150, tag: _ => "many");

        var events = await ToListAsync(_queries.CurrentEventsByTag(Tag("many"), 0));

        Assert.Equal(Enumerable.Range(1, 150).Select(n => (long)n), events.Select(e => e.SequenceNr));
    }

    [Fact]
    public async Task EventsByTag_NewEvents_AreDeliveredAndCancellationCompletesTheQuery()
    {
        await WriteAsync("a", 2, tag: _ => "live");
        using var live = new LiveCollector<EventEnvelope>(ct => _queries.EventsByTag(Tag("live"), 0, ct));
        await AwaitConditionAsync(() => live.Count == 2);

        await WriteAsync("b", 3, tag: _ => "live");
        await AwaitConditionAsync(() => Refresh(() => live.Count == 5));
        live.Cancel();

        await live.Completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(["a-1", "a-2", "b-1", "b-2", "b-3"], live.Items.Select(e => e.Event));
    }

    [Fact]
    public async Task EventsByTag_LiveDuringConcurrentWriters_MissesAndRepeatsNothing()
    {
        using var live = new LiveCollector<EventEnvelope>(ct => _queries.EventsByTag(Tag("busy"), 0, ct));

        // 20 writers, 50 events each, one event per write: the group commit mixes them into shared transactions.
        var writers = Enumerable.Range(0, 20).Select(async w =>
        {
            for (var n = 1; n <= 50; n++)
            {
                await WriteAsync($"w{w}", 1, from: n, tag: _ => "busy");
                Refresh(() => true);
            }
        });
        await Task.WhenAll(writers);

        await AwaitConditionAsync(() => Refresh(() => live.Count >= 1_000), TimeSpan.FromSeconds(20));
        var offsets = live.Items.Select(e => e.Offset).ToList();
        Assert.Equal(1_000, offsets.Count);
        Assert.Equal(offsets.Order(), offsets);
        Assert.Equal(1_000, offsets.Distinct().Count());
    }

    [Fact]
    public async Task CurrentAllEvents_EventsOfSeveralIds_FindsEveryOneInOffsetOrder()
    {
        var before = await ToListAsync(_queries.CurrentAllEvents(0));
        var start = before.Count == 0 ? 0 : before[^1].Offset;
        await WriteAsync("a", 2);
        await WriteAsync("b", 2);

        var events = await ToListAsync(_queries.CurrentAllEvents(start));

        Assert.Equal(["a-1", "a-2", "b-1", "b-2"], events.Select(e => e.Event));
    }

    [Fact]
    public async Task AllEvents_NewEvents_AreDelivered()
    {
        await WriteAsync("a", 1);
        using var live = new LiveCollector<EventEnvelope>(ct => _queries.AllEvents(0, ct));
        await AwaitConditionAsync(() => live.Count == 1);

        await WriteAsync("b", 2);

        await AwaitConditionAsync(() => Refresh(() => live.Count == 3));
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
        var snapshots = _stores.CreateSnapshotStore();
        await snapshots.SaveAsync(new SnapshotMetadata(Id("a"), 2, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)), "s", CancellationToken.None);

        var ids = await ToListAsync(_queries.CurrentPersistenceIds());

        Assert.Equal([Id("a")], ids);
        await snapshots.DisposeAsync();
    }

    [Fact]
    public async Task PersistenceIds_NewIds_AreDeliveredOnce()
    {
        await WriteAsync("a", 1);
        using var live = new LiveCollector<string>(ct => _queries.PersistenceIds(ct));
        await AwaitConditionAsync(() => live.Count == 1);

        await WriteAsync("a", 1, from: 2);
        await WriteAsync("b", 1);

        await AwaitConditionAsync(() => Refresh(() => live.Count == 2));
        Refresh(() => true);
        Assert.Equal([Id("a"), Id("b")], live.Items);
    }

    private string Id(string name) => _prefix + name;

    private string Tag(string name) => _prefix + name;

    /// <summary>Moves the clock one refresh interval, then checks <paramref name="condition"/>.</summary>
    private bool Refresh(Func<bool> condition)
    {
        // The writers of one test and its polling move the clock from several threads.
        lock (_clockGate)
        {
            _clock.Advance(s_refresh);
        }

        return condition();
    }

    private async Task WriteAsync(string name, int count, long from = 1, Func<long, string>? tag = null)
    {
        var writes = Enumerable.Range(0, count).Select(i =>
        {
            var n = from + i;
            var tags = tag is null ? ImmutableArray<string>.Empty : [Tag(tag(n))];
            return new AtomicWrite([new Persistent($"{name}-{n}", n, Id(name), Timestamp: 1_000 + n) { Tags = tags }]);
        }).ToList();
        Assert.Null(await _journal.WriteMessagesAsync(writes, CancellationToken.None));
    }

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> query)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var list = new List<T>();
        await foreach (var item in query.WithCancellation(deadline.Token))
        {
            list.Add(item);
        }

        Assert.False(deadline.IsCancellationRequested, "the current query did not complete within 10 s");
        return list;
    }
}
