using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's SnapshotStoreSpec (14 cases), spoken through the snapshot protocol from a probe.
/// Before each case snapshots "s-1".."s-5" are saved at sequence numbers 11..15, one second apart.
/// </summary>
public abstract class SnapshotStoreContractTests : SqlTestKit
{
    private const int SnapshotByteSizeLimit = 10_000;
    private static readonly DateTime s_start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static int s_pidCounter;

    private readonly TestProbe _sender;
    private readonly List<SnapshotMetadata> _metadata = [];
    private IActorRef _store = ActorRefs.Nobody;

    protected SnapshotStoreContractTests(TestDatabase database)
        : base(database, "akka.persistence.publish-plugin-commands = on")
    {
        _sender = CreateTestProbe();
        Pid = $"s-{Interlocked.Increment(ref s_pidCounter)}";
    }

    protected string Pid { get; }

    public override async Task InitializeAsync()
    {
        _store = SnapshotStoreFor();
        for (var i = 1; i <= 5; i++)
        {
            var metadata = new SnapshotMetadata(Pid, 10 + i, s_start.AddSeconds(i));
            _store.Tell(new SaveSnapshot(metadata, $"s-{i}"), _sender.Ref);
            _metadata.Add((await _sender.ExpectMsgAsync<SaveSnapshotSuccess>()).Metadata);
        }
    }

    // 1
    [Fact]
    public async Task Load_UnknownPersistenceId_FindsNothing()
    {
        _store.Tell(new LoadSnapshot("unknown-" + Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(null, long.MaxValue));
    }

    // 2
    [Fact]
    public async Task Load_TimestampBoundBeforeEverySnapshot_FindsNothing()
    {
        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(long.MaxValue, new DateTime(100_000, DateTimeKind.Utc)), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(null, long.MaxValue));
    }

    // 3
    [Fact]
    public async Task Load_SequenceNrBoundBeforeEverySnapshot_FindsNothingAndEchoesTheCap()
    {
        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(7), long.MaxValue), _sender.Ref);
        await _sender.ExpectMsgAsync(new LoadSnapshotResult(null, long.MaxValue));

        _store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, 7), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(null, 7));
    }

    // 4
    [Fact]
    public async Task Load_Latest_FindsTheMostRecent()
    {
        _store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[4], "s-5"), long.MaxValue));
    }

    // 5
    [Fact]
    public async Task Load_UpperSequenceNrBound_FindsTheMostRecentBelowIt()
    {
        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(13), long.MaxValue), _sender.Ref);
        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[2], "s-3"), long.MaxValue));

        _store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, 13), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[2], "s-3"), 13));
    }

    // 6
    [Fact]
    public async Task Load_UpperSequenceNrAndTimestampBound_FindsTheMostRecentBelowBoth()
    {
        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(13, _metadata[2].Timestamp), long.MaxValue), _sender.Ref);
        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[2], "s-3"), long.MaxValue));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(long.MaxValue, _metadata[2].Timestamp), 13), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[2], "s-3"), 13));
    }

    // 7
    [Fact]
    public async Task DeleteSnapshot_BySequenceNr_RemovesIt()
    {
        var md = _metadata[2];
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(DeleteSnapshot));
        _store.Tell(new DeleteSnapshot(md), _sender.Ref);
        await subscriber.ExpectMsgAsync(new DeleteSnapshot(md));
        await _sender.ExpectMsgAsync(new DeleteSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[1], "s-2"), long.MaxValue));
    }

    // 8
    [Fact]
    public async Task DeleteSnapshot_TimestampMinValue_RemovesItWhateverItsTimestamp()
    {
        var md = new SnapshotMetadata(_metadata[2].PersistenceId, _metadata[2].SequenceNr, DateTime.MinValue);
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(DeleteSnapshot));
        _store.Tell(new DeleteSnapshot(md), _sender.Ref);
        await subscriber.ExpectMsgAsync(new DeleteSnapshot(md));
        await _sender.ExpectMsgAsync(new DeleteSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(md.SequenceNr), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[1], "s-2"), long.MaxValue));
    }

    // 9
    [Fact]
    public async Task DeleteSnapshot_TimestampBeforeStoredOne_KeepsIt()
    {
        var md = new SnapshotMetadata(_metadata[2].PersistenceId, _metadata[2].SequenceNr, _metadata[2].Timestamp.AddSeconds(-2));
        _store.Tell(new DeleteSnapshot(md), _sender.Ref);
        await _sender.ExpectMsgAsync(new DeleteSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(_metadata[2].SequenceNr), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[2], "s-3"), long.MaxValue));
    }

    // 10
    [Fact]
    public async Task DeleteSnapshots_UpperSequenceNrAndTimestampBound_RemovesEveryMatch()
    {
        var md = _metadata[2];
        var criteria = new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp);
        _store.Tell(new DeleteSnapshots(Pid, criteria), _sender.Ref);
        await _sender.ExpectMsgAsync(new DeleteSnapshotsSuccess(criteria));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp), long.MaxValue), _sender.Ref);
        await _sender.ExpectMsgAsync(new LoadSnapshotResult(null, long.MaxValue));
        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(_metadata[3].SequenceNr, _metadata[3].Timestamp), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[3], "s-4"), long.MaxValue));
    }

    // 11
    [Fact]
    public async Task DeleteSnapshots_TimestampBoundBelowSnapshot_KeepsIt()
    {
        var md = _metadata[3];
        var criteria = new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp.AddTicks(-1));
        _store.Tell(new DeleteSnapshots(Pid, criteria), _sender.Ref);
        await _sender.ExpectMsgAsync(new DeleteSnapshotsSuccess(criteria));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(md.SequenceNr, md.Timestamp), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(_metadata[3], "s-4"), long.MaxValue));
    }

    // 12
    [Fact]
    public async Task SaveSnapshot_SameSequenceNr_Overwrites()
    {
        var md = _metadata[4];
        _store.Tell(new SaveSnapshot(md, "s-5-modified"), _sender.Ref);
        await _sender.ExpectMsgAsync(new SaveSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, new SnapshotSelectionCriteria(md.SequenceNr), long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(md, "s-5-modified"), long.MaxValue));
    }

    // 13
    [Fact]
    public async Task SaveSnapshot_BiggerPayload_IsStoredWhole()
    {
        var bytes = new byte[SnapshotByteSizeLimit];
        new Random(1234).NextBytes(bytes);
        var md = new SnapshotMetadata(Pid, 100, s_start.AddSeconds(10));
        _store.Tell(new SaveSnapshot(md, bytes), _sender.Ref);
        await _sender.ExpectMsgAsync(new SaveSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), _sender.Ref);

        var loaded = await _sender.ExpectMsgAsync<LoadSnapshotResult>();
        Assert.Equal(md, loaded.Snapshot?.Metadata);
        Assert.Equal(bytes, Assert.IsType<byte[]>(loaded.Snapshot?.Snapshot));
    }

    // 14
    [Fact]
    public async Task SaveSnapshot_RecordPayload_RoundTrips()
    {
        var payload = new TestPayload("state", 0.000000001m);
        var md = new SnapshotMetadata(Pid, 100, s_start.AddSeconds(10));
        _store.Tell(new SaveSnapshot(md, payload), _sender.Ref);
        await _sender.ExpectMsgAsync(new SaveSnapshotSuccess(md));

        _store.Tell(new LoadSnapshot(Pid, SnapshotSelectionCriteria.Latest, long.MaxValue), _sender.Ref);

        await _sender.ExpectMsgAsync(new LoadSnapshotResult(new SelectedSnapshot(md, payload), long.MaxValue));
    }
}
