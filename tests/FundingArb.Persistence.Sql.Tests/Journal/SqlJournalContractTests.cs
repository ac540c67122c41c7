using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Journal;

/// <summary>What the SQL journals promise beyond the TCK: group commit isolation, in-flight writes, unreadable rows.</summary>
public abstract class SqlJournalContractTests : TestKit, IAsyncLifetime
{
    private readonly TestStores _stores;
    private AsyncWriteJournal _journal = null!;

    protected SqlJournalContractTests()
    {
        _stores = CreateStores();
    }

    public Task InitializeAsync()
    {
        _journal = _stores.CreateJournal(Sys.Log);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _journal.DisposeAsync();
        await _stores.DisposeAsync();
    }

    protected abstract TestStores CreateStores();

    [Fact]
    public async Task WriteMessages_DuplicateAmongConcurrentWrites_FailsOnlyTheDuplicate()
    {
        await _journal.WriteMessagesAsync([Write("dup", 1)], CancellationToken.None);
        var good = Enumerable.Range(0, 50).Select(i => _journal.WriteMessagesAsync([Write($"good-{i}", 1)], CancellationToken.None)).ToList();

        var duplicate = _journal.WriteMessagesAsync([Write("dup", 1)], CancellationToken.None);

        await Assert.ThrowsAsync<JournalConcurrencyException>(() => duplicate);
        foreach (var write in good)
        {
            Assert.Null(await write);
        }

        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(1, await _journal.ReadHighestSequenceNrAsync($"good-{i}", 0, CancellationToken.None));
        }
    }

    [Fact]
    public async Task ReadHighestSequenceNr_WhileWriteInFlight_WaitsForIt()
    {
        var writing = _journal.WriteMessagesAsync([new AtomicWrite([.. Enumerable.Range(1, 500).Select(n => Event("inflight", n))])], CancellationToken.None);

        var highest = await _journal.ReadHighestSequenceNrAsync("inflight", 0, CancellationToken.None);

        Assert.Equal(500, highest);
        Assert.Null(await writing);
    }

    [Fact]
    public async Task WriteMessages_AtomicWriteWithOneUnregisteredEvent_StoresNoneOfIt()
    {
        var mixed = new AtomicWrite([Event("mixed", 1), new Persistent(new NotRegistered(2), 2, "mixed")]);

        var results = await _journal.WriteMessagesAsync([mixed, Write("mixed-other", 1)], CancellationToken.None);

        Assert.NotNull(results);
        Assert.IsType<EventNotRegisteredException>(results[0]);
        Assert.Null(results[1]);
        Assert.Equal(0, await _journal.ReadHighestSequenceNrAsync("mixed", 0, CancellationToken.None));
        Assert.Equal(1, await _journal.ReadHighestSequenceNrAsync("mixed-other", 0, CancellationToken.None));
    }

    [Fact]
    public async Task Replay_RowWithUnknownManifest_FailsNamingTheManifestAndOthersStillReplay()
    {
        await _journal.WriteMessagesAsync([Write("readable", 1), new AtomicWrite([new Persistent(new TestPayload("x", 1m), 1, "unreadable")])], CancellationToken.None);
        await using var forgetful = _stores.CreateJournal(Sys.Log);
        ReplaceRegistry(forgetful, new EventManifestRegistry().Register<string>("test.string"));

        var failure = await Assert.ThrowsAsync<EventDeserializationException>(() =>
            forgetful.ReplayMessagesAsync("unreadable", 1, long.MaxValue, long.MaxValue, _ => { }, CancellationToken.None));
        var replayed = new List<Persistent>();
        await forgetful.ReplayMessagesAsync("readable", 1, long.MaxValue, long.MaxValue, replayed.Add, CancellationToken.None);

        Assert.Equal("test.payload.v1", failure.Manifest);
        Assert.Contains("'test.payload.v1'", failure.Message, StringComparison.Ordinal);
        Assert.Equal("e-1", Assert.Single(replayed).Payload);
    }

    [Fact]
    public async Task Replay_OldManifestWithUpcaster_ReturnsCurrentEvent()
    {
        var old = new EventManifestRegistry().Register<LegacyPayload>("test.payload.v0");
        await using (var legacy = SqlJournal(old))
        {
            await legacy.WriteMessagesAsync([new AtomicWrite([new Persistent(new LegacyPayload("old"), 1, "upcast")])], CancellationToken.None);
        }

        var current = TestRegistry.Create().RegisterUpcaster("test.payload.v0", "test.payload.v1", json =>
        {
            json["amount"] = 0m;
            return json;
        });
        await using var journal = SqlJournal(current);
        var replayed = new List<Persistent>();

        await journal.ReplayMessagesAsync("upcast", 1, long.MaxValue, long.MaxValue, replayed.Add, CancellationToken.None);

        Assert.Equal(new TestPayload("old", 0m), Assert.Single(replayed).Payload);
    }

    private AsyncWriteJournal SqlJournal(EventManifestRegistry registry)
    {
        var journal = _stores.CreateJournal(Sys.Log);
        ReplaceRegistry(journal, registry);
        return journal;
    }

    private static void ReplaceRegistry(AsyncWriteJournal journal, EventManifestRegistry registry) =>
        ((Sql.Journal.SqlJournal)journal).Registry = registry;

    private static AtomicWrite Write(string pid, long sequenceNr) => new([Event(pid, sequenceNr)]);

    private static Persistent Event(string pid, long sequenceNr) => new($"e-{sequenceNr}", sequenceNr, pid, Timestamp: 1);
}
