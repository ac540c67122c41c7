using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's JournalSpec (16 cases), spoken through the journal protocol: a probe plays the
/// persistent actor and sends WriteMessages, ReplayMessages and DeleteMessagesTo to the journal actor.
/// Before each case events 1..5 ("a-1".."a-5") are written: 1, 2, 3 alone, 4 and 5 as one atomic write.
/// </summary>
public abstract class JournalContractTests : TestKit, IAsyncLifetime
{
    private const string PluginId = "tck-journal";
    private const int ActorInstanceId = 1;
    private static int s_pidCounter;

    private readonly TestStores _stores;
    private readonly TestProbe _receiver;
    private IActorRef _journal = ActorRefs.Nobody;

    protected JournalContractTests()
        : base("fundingarb.persistence.publish-plugin-commands = on")
    {
        _stores = CreateStores();
        _receiver = CreateTestProbe();
        Pid = $"p-{Interlocked.Increment(ref s_pidCounter)}";
    }

    protected string Pid { get; }

    protected string WriterGuid { get; } = "writer-" + Environment.ProcessId;

    public async Task InitializeAsync()
    {
        PersistenceExtension.Get(Sys).RegisterJournal(PluginId, () => _stores.CreateJournal(Sys.Log));
        _journal = PersistenceExtension.Get(Sys).JournalFor(PluginId);
        await WriteInitialMessagesAsync();
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _stores.DisposeAsync();
    }

    /// <summary>The stores under test, fresh for each case.</summary>
    protected abstract TestStores CreateStores();

    // 1
    [Fact]
    public async Task Replay_AllMessages_ReplaysOneToFiveThenHighest()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3, 4, 5);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 2
    [Fact]
    public async Task Replay_LowerBound_ReplaysFromIt()
    {
        _journal.Tell(new ReplayMessages(3, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(3, 4, 5);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 3
    [Fact]
    public async Task Replay_UpperBound_ReplaysUpToItAndReportsTrueHighest()
    {
        _journal.Tell(new ReplayMessages(1, 3, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 4
    [Fact]
    public async Task Replay_CountLimit_ReplaysThatMany()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, 3, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 5
    [Fact]
    public async Task Replay_LowerAndUpperBound_ReplaysTheRange()
    {
        _journal.Tell(new ReplayMessages(2, 3, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2, 3);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 6
    [Fact]
    public async Task Replay_BoundsAndCountLimit_ReplaysTheFirstOfTheRange()
    {
        _journal.Tell(new ReplayMessages(2, 5, 2, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2, 3);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 7
    [Fact]
    public async Task Replay_LowerBoundEqualsUpperBound_ReplaysOneMessage()
    {
        _journal.Tell(new ReplayMessages(2, 2, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 8
    [Fact]
    public async Task Replay_CountLimitOne_ReplaysOneMessage()
    {
        _journal.Tell(new ReplayMessages(2, 4, 1, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 9
    [Fact]
    public async Task Replay_CountLimitZero_ReplaysNothing()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, 0, Pid, _receiver.Ref));

        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 10
    [Fact]
    public async Task Replay_LowerBoundAboveUpperBound_ReplaysNothing()
    {
        _journal.Tell(new ReplayMessages(3, 2, long.MaxValue, Pid, _receiver.Ref));

        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 11
    [Fact]
    public async Task Replay_UnknownPersistenceId_ReplaysNothingWithHighestZero()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "unknown-" + Pid, _receiver.Ref));

        await _receiver.ExpectMsgAsync(new RecoverySuccess(0));
    }

    // 12
    [Fact]
    public async Task DeleteMessagesTo_Range_DeletedMessagesAreNotReplayed()
    {
        var subscriber = CreateTestProbe();
        Sys.EventStream.Subscribe(subscriber.Ref, typeof(DeleteMessagesTo));
        var command = new DeleteMessagesTo(Pid, 3, _receiver.Ref);
        _journal.Tell(command);
        await subscriber.ExpectMsgAsync(command);
        await _receiver.ExpectMsgAsync(new DeleteMessagesSuccess(3));

        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(4, 5);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
        await _receiver.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    // 13
    [Fact]
    public async Task DeleteMessagesTo_Range_KeepsHighestSequenceNr()
    {
        _journal.Tell(new DeleteMessagesTo(Pid, 3, _receiver.Ref));
        await _receiver.ExpectMsgAsync(new DeleteMessagesSuccess(3));

        _journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(4, 5);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 14
    [Fact]
    public async Task DeleteMessagesTo_Everything_KeepsHighestSequenceNr()
    {
        _journal.Tell(new DeleteMessagesTo(Pid, long.MaxValue, _receiver.Ref));
        await _receiver.ExpectMsgAsync(new DeleteMessagesSuccess(long.MaxValue));

        _journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await _receiver.ExpectMsgAsync(new RecoverySuccess(5));
    }

    // 15 (our events carry no actor ref: the payload is a record with a decimal, which must come back exact)
    [Fact]
    public async Task WriteMessages_RecordPayload_RoundTripsWithWriterAndSequenceNr()
    {
        var payload = new TestPayload("serialized", 12_345.678901234567890123m);
        var persistent = new Persistent(payload, 6, Pid, WriterGuid: WriterGuid);

        _journal.Tell(new WriteMessages([new AtomicWrite([persistent])], _receiver.Ref, ActorInstanceId));

        await _receiver.ExpectMsgAsync<WriteMessagesSuccessful>();
        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m =>
            m.Persistent.PersistenceId == Pid && m.Persistent.SequenceNr == 6 && m.Persistent.WriterGuid == WriterGuid
            && Equals(m.Persistent.Payload, payload) && m.ActorInstanceId == ActorInstanceId);
        _journal.Tell(new ReplayMessages(6, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));
        await _receiver.ExpectMsgAsync<ReplayedMessage>(m =>
            m.Persistent.PersistenceId == Pid && m.Persistent.SequenceNr == 6 && m.Persistent.WriterGuid == WriterGuid
            && Equals(m.Persistent.Payload, payload) && !m.Persistent.IsDeleted && m.Persistent.Timestamp > 0);
        await _receiver.ExpectMsgAsync(new RecoverySuccess(6));
    }

    // 16
    [Fact]
    public async Task WriteMessages_UnserializableEventInTheMiddle_RejectsOnlyItsAtomicWrite()
    {
        var unserializable = new NotRegistered(7);
        IPersistentEnvelope[] writes =
        [
            new AtomicWrite([new Persistent("b-6", 6, Pid, WriterGuid: WriterGuid)]),
            new AtomicWrite([new Persistent(unserializable, 7, Pid, WriterGuid: WriterGuid)]),
            new AtomicWrite([new Persistent("b-8", 8, Pid, WriterGuid: WriterGuid)]),
        ];

        _journal.Tell(new WriteMessages([.. writes], _receiver.Ref, ActorInstanceId));

        await _receiver.ExpectMsgAsync<WriteMessagesSuccessful>();
        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);
        if (_stores.SerializesPayloads)
        {
            var rejected = await _receiver.ExpectMsgAsync<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7);
            var cause = Assert.IsType<EventNotRegisteredException>(rejected.Cause);
            Assert.Equal(typeof(NotRegistered), cause.EventType);
        }
        else
        {
            // The in-memory journal keeps objects as they are: nothing to reject.
            await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 7);
        }

        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 8);
    }

    private async Task WriteInitialMessagesAsync()
    {
        Persistent Event(long n) => new($"a-{n}", n, Pid, WriterGuid: WriterGuid);
        IPersistentEnvelope[] writes =
        [
            new AtomicWrite([Event(1)]),
            new AtomicWrite([Event(2)]),
            new AtomicWrite([Event(3)]),
            new AtomicWrite([Event(4), Event(5)]),
        ];

        _journal.Tell(new WriteMessages([.. writes], _receiver.Ref, ActorInstanceId));

        await _receiver.ExpectMsgAsync<WriteMessagesSuccessful>();
        for (var n = 1; n <= 5; n++)
        {
            var expected = n;
            await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m =>
                Equals(m.Persistent.Payload, $"a-{expected}") && m.Persistent.SequenceNr == expected && m.Persistent.PersistenceId == Pid);
        }
    }

    private async Task ExpectReplayedAsync(params long[] sequenceNrs)
    {
        foreach (var n in sequenceNrs)
        {
            await _receiver.ExpectMsgAsync<ReplayedMessage>(m =>
                !m.Persistent.IsDeleted && Equals(m.Persistent.Payload, $"a-{n}") && m.Persistent.PersistenceId == Pid && m.Persistent.SequenceNr == n,
                hint: $"a-{n}");
        }
    }
}
