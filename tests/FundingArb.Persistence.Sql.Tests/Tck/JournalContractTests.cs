using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using System.Runtime.Serialization;
using Akka.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

/// <summary>
/// Akka.Persistence's JournalSpec (16 cases), spoken through the journal protocol: a probe plays the
/// persistent actor and sends WriteMessages, ReplayMessages and DeleteMessagesTo to the journal actor.
/// Before each case events 1..5 ("a-1".."a-5") are written: 1, 2, 3 alone, 4 and 5 as one atomic write.
/// </summary>
public abstract class JournalContractTests : SqlTestKit
{
    private const int ActorInstanceId = 1;
    private static int s_pidCounter;

    private readonly TestProbe _receiver;
    private IActorRef _journal = ActorRefs.Nobody;

    protected JournalContractTests(TestDatabase database)
        : base(database, "akka.persistence.publish-plugin-commands = on")
    {
        _receiver = CreateTestProbe();
        Pid = $"p-{Interlocked.Increment(ref s_pidCounter)}";
    }

    protected string Pid { get; }

    protected string WriterGuid { get; } = "writer-" + Environment.ProcessId;

    public override async Task InitializeAsync()
    {
        _journal = JournalFor();
        await WriteInitialMessagesAsync();
    }

    // 1
    [Fact]
    public async Task Replay_AllMessages_ReplaysOneToFiveThenHighest()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3, 4, 5);
        await ExpectHighestAsync(5);
    }

    // 2
    [Fact]
    public async Task Replay_LowerBound_ReplaysFromIt()
    {
        _journal.Tell(new ReplayMessages(3, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(3, 4, 5);
        await ExpectHighestAsync(5);
    }

    // 3
    [Fact]
    public async Task Replay_UpperBound_ReplaysUpToItAndReportsTrueHighest()
    {
        _journal.Tell(new ReplayMessages(1, 3, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3);
        await ExpectHighestAsync(5);
    }

    // 4
    [Fact]
    public async Task Replay_CountLimit_ReplaysThatMany()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, 3, Pid, _receiver.Ref));

        await ExpectReplayedAsync(1, 2, 3);
        await ExpectHighestAsync(5);
    }

    // 5
    [Fact]
    public async Task Replay_LowerAndUpperBound_ReplaysTheRange()
    {
        _journal.Tell(new ReplayMessages(2, 3, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2, 3);
        await ExpectHighestAsync(5);
    }

    // 6
    [Fact]
    public async Task Replay_BoundsAndCountLimit_ReplaysTheFirstOfTheRange()
    {
        _journal.Tell(new ReplayMessages(2, 5, 2, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2, 3);
        await ExpectHighestAsync(5);
    }

    // 7
    [Fact]
    public async Task Replay_LowerBoundEqualsUpperBound_ReplaysOneMessage()
    {
        _journal.Tell(new ReplayMessages(2, 2, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2);
        await ExpectHighestAsync(5);
    }

    // 8
    [Fact]
    public async Task Replay_CountLimitOne_ReplaysOneMessage()
    {
        _journal.Tell(new ReplayMessages(2, 4, 1, Pid, _receiver.Ref));

        await ExpectReplayedAsync(2);
        await ExpectHighestAsync(5);
    }

    // 9
    [Fact]
    public async Task Replay_CountLimitZero_ReplaysNothing()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, 0, Pid, _receiver.Ref));

        await ExpectHighestAsync(5);
    }

    // 10
    [Fact]
    public async Task Replay_LowerBoundAboveUpperBound_ReplaysNothing()
    {
        _journal.Tell(new ReplayMessages(3, 2, long.MaxValue, Pid, _receiver.Ref));

        await ExpectHighestAsync(5);
    }

    // 11
    [Fact]
    public async Task Replay_UnknownPersistenceId_ReplaysNothingWithHighestZero()
    {
        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, "unknown-" + Pid, _receiver.Ref));

        await ExpectHighestAsync(0);
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
        await _receiver.ExpectMsgAsync<DeleteMessagesSuccess>(m => m.ToSequenceNr == 3);

        _journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(4, 5);
        await ExpectHighestAsync(5);
        await _receiver.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    // 13
    [Fact]
    public async Task DeleteMessagesTo_Range_KeepsHighestSequenceNr()
    {
        _journal.Tell(new DeleteMessagesTo(Pid, 3, _receiver.Ref));
        await _receiver.ExpectMsgAsync<DeleteMessagesSuccess>(m => m.ToSequenceNr == 3);

        _journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectReplayedAsync(4, 5);
        await ExpectHighestAsync(5);
    }

    // 14
    [Fact]
    public async Task DeleteMessagesTo_Everything_KeepsHighestSequenceNr()
    {
        _journal.Tell(new DeleteMessagesTo(Pid, long.MaxValue, _receiver.Ref));
        await _receiver.ExpectMsgAsync<DeleteMessagesSuccess>(m => m.ToSequenceNr == long.MaxValue);

        _journal.Tell(new ReplayMessages(0, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));

        await ExpectHighestAsync(5);
    }

    // 15 (our events carry no actor ref: the payload is a record with a decimal, which must come back exact)
    [Fact]
    public async Task WriteMessages_RecordPayload_RoundTripsWithWriterAndSequenceNr()
    {
        var payload = new TestPayload("serialized", 12_345.678901234567890123m);
        var persistent = Event(payload, 6);

        _journal.Tell(new WriteMessages([new AtomicWrite(persistent)], _receiver.Ref, ActorInstanceId));

        await _receiver.ExpectMsgAsync<WriteMessagesSuccessful>();
        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m =>
            m.Persistent.PersistenceId == Pid && m.Persistent.SequenceNr == 6 && m.Persistent.WriterGuid == WriterGuid
            && Equals(m.Persistent.Payload, payload) && m.ActorInstanceId == ActorInstanceId);
        _journal.Tell(new ReplayMessages(6, long.MaxValue, long.MaxValue, Pid, _receiver.Ref));
        await _receiver.ExpectMsgAsync<ReplayedMessage>(m =>
            m.Persistent.PersistenceId == Pid && m.Persistent.SequenceNr == 6 && m.Persistent.WriterGuid == WriterGuid
            && Equals(m.Persistent.Payload, payload) && !m.Persistent.IsDeleted && m.Persistent.Timestamp > 0
            && (m.Persistent.Sender is null || m.Persistent.Sender.IsNobody()));
        await ExpectHighestAsync(6);
    }

    // 16
    [Fact]
    public async Task WriteMessages_UnserializableEventInTheMiddle_RejectsOnlyItsAtomicWrite()
    {
        var unserializable = new NotRegistered(7);
        IPersistentEnvelope[] writes =
        [
            new AtomicWrite(Event("b-6", 6)),
            new AtomicWrite(Event(unserializable, 7)),
            new AtomicWrite(Event("b-8", 8)),
        ];

        _journal.Tell(new WriteMessages([.. writes], _receiver.Ref, ActorInstanceId));

        await _receiver.ExpectMsgAsync<WriteMessagesSuccessful>();
        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 6);
        var rejected = await _receiver.ExpectMsgAsync<WriteMessageRejected>(m => m.Persistent.SequenceNr == 7);
        Assert.IsType<SerializationException>(rejected.Cause);
        Assert.Contains(nameof(NotRegistered), rejected.Cause.Message, StringComparison.Ordinal);

        await _receiver.ExpectMsgAsync<WriteMessageSuccess>(m => m.Persistent.SequenceNr == 8);
    }

    private async Task WriteInitialMessagesAsync()
    {
        IPersistentEnvelope[] writes =
        [
            new AtomicWrite(Event("a-1", 1)),
            new AtomicWrite(Event("a-2", 2)),
            new AtomicWrite(Event("a-3", 3)),
            new AtomicWrite(ImmutableList.Create<IPersistentRepresentation>(Event("a-4", 4), Event("a-5", 5))),
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

    private async Task ExpectHighestAsync(long highest) =>
        await _receiver.ExpectMsgAsync<RecoverySuccess>(m => m.HighestSequenceNr == highest, hint: $"highest {highest}");

    private Persistent Event(object payload, long sequenceNr) =>
        new(payload, sequenceNr, Pid, manifest: "", isDeleted: false, ActorRefs.NoSender, WriterGuid, timestamp: 0);
}
