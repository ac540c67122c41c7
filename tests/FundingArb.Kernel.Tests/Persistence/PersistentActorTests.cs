using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using PersistenceExtension = FundingArb.Kernel.Persistence.Persistence;
using static FundingArb.Kernel.Tests.Persistence.CounterActor;

namespace FundingArb.Kernel.Tests.Persistence;

public sealed class PersistentActorTests : TestKit.TestKit
{
    private readonly ControlledJournal _journal = new();

    public PersistentActorTests()
    {
        PersistenceExtension.Get(Sys).RegisterJournal("controlled", () => _journal);
    }

    [Fact]
    public void Recovery_WithNoEvents_DeliversRecoveryCompletedBeforeAnyCommand()
    {
        var counter = Counter("empty");

        counter.Tell(new Get());

        ExpectMsg(new Recovered(0, 0));
        ExpectMsg(new Total(0, 0));
    }

    [Fact]
    public void Recovery_AfterStop_ReplaysEventsIntoState()
    {
        var first = Counter("replay");
        ExpectMsg<Recovered>();
        first.Tell(new Add(2));
        first.Tell(new Add(3));
        ExpectMsg(new Total(2, 1));
        ExpectMsg(new Total(5, 2));
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        Counter("replay");

        ExpectMsg(new Recovered(5, 2));
    }

    [Fact]
    public void Persist_CommandsArrivingBeforeHandlerRan_WaitUntilAfterIt()
    {
        var counter = Counter("stash");
        ExpectMsg<Recovered>();
        _journal.Hold();

        counter.Tell(new Add(1));
        counter.Tell(new Get());
        AwaitCondition(() => _journal.WriteCalls == 1);
        _journal.Release();

        ExpectMsg(new Total(1, 1));
        ExpectMsg(new Total(1, 1));
    }

    [Fact]
    public void Persist_NestedInsideHandler_KeepsCommandsWaitingUntilInnerHandlerRan()
    {
        var counter = Counter("nested");
        ExpectMsg<Recovered>();

        counter.Tell(new AddThenAdd(1, 10));
        counter.Tell(new Get());

        ExpectMsg(new Total(11, 2));
        ExpectMsg(new Total(11, 2));
    }

    [Fact]
    public void PersistAll_RunsHandlerOncePerEventInOrder()
    {
        var counter = Counter("all");
        ExpectMsg<Recovered>();

        counter.Tell(new AddAll([1, 2, 3]));

        ExpectMsg(new Total(1, 1));
        ExpectMsg(new Total(3, 2));
        ExpectMsg(new Total(6, 3));
    }

    [Fact]
    public void PersistAll_IsOneAtomicWrite()
    {
        var counter = Counter("atomic");
        ExpectMsg<Recovered>();
        AtomicWrite? seen = null;
        _journal.Reject = w => { seen = w; return null; };

        counter.Tell(new AddAll([1, 2, 3]));
        ReceiveN(3);

        Assert.NotNull(seen);
        Assert.Equal(3, seen.Size);
        Assert.Equal(1, _journal.WriteCalls);
    }

    [Fact]
    public void DeferAsync_RunsAfterHandlersOfEarlierPersists()
    {
        var counter = Counter("defer");
        ExpectMsg<Recovered>();

        counter.Tell(new Defer(7));

        ExpectMsg(new Total(7, 1));
    }

    [Fact]
    public void Persist_HandlerSender_IsSenderOfTheCommand()
    {
        var counter = Counter("sender");
        ExpectMsg<Recovered>();
        var client = CreateTestProbe();

        counter.Tell(new Add(4), client.Ref);

        client.ExpectMsg(new Total(4, 1));
    }

    [Fact]
    public void Persist_WriteFails_CallsOnPersistFailureAndStops()
    {
        var counter = Counter("failure");
        ExpectMsg<Recovered>();
        Watch(counter);
        _journal.FailWrites = new IOException("disk gone");

        counter.Tell(new Add(1));

        ExpectMsg<PersistFailed>(f => f.SequenceNr == 1);
        ExpectTerminated(counter);
    }

    [Fact]
    public void Persist_WriteRejected_SkipsHandlerAndCarriesOn()
    {
        var counter = Counter("rejected");
        ExpectMsg<Recovered>();
        _journal.Reject = w => w.Payload[0].Payload is Added { Amount: 13 } ? new InvalidOperationException("unlucky") : null;

        counter.Tell(new Add(13));
        counter.Tell(new Add(1));

        ExpectMsg(new Rejected(new Added(13), 1));
        ExpectMsg(new Total(1, 2));
    }

    [Fact]
    public void Restart_AfterCommandFailure_RecoversStateFromJournal()
    {
        var counter = Counter("restart");
        ExpectMsg<Recovered>();
        counter.Tell(new Add(5));
        ExpectMsg(new Total(5, 1));

        counter.Tell(new Crash());

        ExpectMsg(new Recovered(5, 1));
        counter.Tell(new Get());
        ExpectMsg(new Total(5, 1));
    }

    [Fact]
    public void Recovery_FromSnapshot_OffersSnapshotThenReplaysLaterEvents()
    {
        var first = Counter("snapshot");
        ExpectMsg<Recovered>();
        first.Tell(new Add(10));
        ExpectMsg<Total>();
        first.Tell(new Snap());
        ExpectMsg<SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 1);
        first.Tell(new Add(1));
        ExpectMsg(new Total(11, 2));
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        Counter("snapshot");

        ExpectMsg(new SnapshotOffered(1, 10));
        ExpectMsg(new Recovered(11, 2));
    }

    [Theory]
    [InlineData(false, 11)]
    [InlineData(true, 0)]
    public void Recovery_WithoutSnapshots_IgnoresTheSavedOne_AndReplaysUpToItsBound(bool none, int expectedTotal)
    {
        var first = Counter("no-snapshot");
        ExpectMsg<Recovered>();
        first.Tell(new Add(10));
        ExpectMsg<Total>();
        first.Tell(new Snap());
        ExpectMsg<SaveSnapshotSuccess>();
        first.Tell(new Add(1));
        ExpectMsg(new Total(11, 2));
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var recovery = none ? Recovery.None : new Recovery(SnapshotSelectionCriteria.None);
        var second = Sys.ActorOf(Props.Create(() => new CounterActor("no-snapshot", TestActor, "controlled", recovery)));

        ExpectMsg(new Recovered(expectedTotal, 2));
        second.Tell(new Add(1));
        ExpectMsg(new Total(expectedTotal + 1, 3));
    }

    [Fact]
    public void DeleteMessages_UpToLast_KeepsHighestSequenceNumberForNextIncarnation()
    {
        var first = Counter("delete");
        ExpectMsg<Recovered>();
        first.Tell(new Add(1));
        first.Tell(new Add(2));
        ReceiveN(2);
        first.Tell(new Delete(long.MaxValue));
        ExpectMsg(new DeleteMessagesSuccess(2));
        Watch(first);
        Sys.Stop(first);
        ExpectTerminated(first);

        var second = Counter("delete");
        ExpectMsg(new Recovered(0, 2));
        second.Tell(new Add(5));

        ExpectMsg(new Total(5, 3));
    }

    [Fact]
    public void DeleteMessages_BeyondLastSequenceNumber_Fails()
    {
        var counter = Counter("delete-beyond");
        ExpectMsg<Recovered>();

        counter.Tell(new Delete(3));

        var failure = ExpectMsg<DeleteMessagesFailure>();
        Assert.Equal(3, failure.ToSequenceNr);
        Assert.IsType<InvalidOperationException>(failure.Cause);
    }

    [Fact]
    public async Task Recovery_HandlerThrows_StopsActor()
    {
        var journal = new MemoryJournal();
        PersistenceExtension.Get(Sys).RegisterJournal("poisoned", () => journal);
        await journal.WriteMessagesAsync([new AtomicWrite([new Persistent("not an event", 1, "poisoned-pid")])], default);

        var actor = Sys.ActorOf(Props.Create(() => new StrictRecoveryActor()));
        Watch(actor);

        await ExpectTerminatedAsync(actor);
    }

    [Fact]
    public void Persist_DuringRecovery_Throws()
    {
        var actor = Sys.ActorOf(Props.Create(() => new PersistInRecoveryActor(TestActor)));

        var error = ExpectMsg<InvalidOperationException>();

        Assert.Contains("replay", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Persist_TaggedEvent_StoresTagsAndReplaysBarePayload()
    {
        var actor = Sys.ActorOf(Props.Create(() => new TaggingActor(TestActor)));

        actor.Tell("go");

        Assert.IsType<Tagged>(ExpectMsg<object>());
        AwaitAssert(() =>
        {
            var stored = Assert.Single(_journal.Inner.AllEvents());
            Assert.Equal("payload", stored.Event.Payload);
            Assert.Equal<string>(["hot"], stored.Event.Tags);
        });
    }

    private IActorRef Counter(string persistenceId) =>
        Sys.ActorOf(Props.Create(() => new CounterActor(persistenceId, TestActor, "controlled")));

    private sealed class StrictRecoveryActor : ReceivePersistentActor
    {
        public StrictRecoveryActor()
        {
            Recover<string>(s => throw new FormatException($"cannot read {s}"));
        }

        public override string PersistenceId => "poisoned-pid";

        public override string? JournalPluginId => "poisoned";
    }

    private sealed class PersistInRecoveryActor : ReceivePersistentActor
    {
        public PersistInRecoveryActor(IActorRef report)
        {
            Recover<SnapshotOffer>(_ => { });
            RecoverAny(_ => { });
            Command<string>(_ => { });
            try
            {
                Persist("x", _ => { });
            }
            catch (InvalidOperationException e)
            {
                report.Tell(e);
            }
        }

        public override string PersistenceId => "persist-in-recovery";
    }

    private sealed class TaggingActor : ReceivePersistentActor
    {
        public TaggingActor(IActorRef report)
        {
            Command<string>(_ => Persist(new Tagged("payload", ["hot"]), e => report.Tell(e)));
        }

        public override string PersistenceId => "tagging";

        public override string? JournalPluginId => "controlled";
    }
}
