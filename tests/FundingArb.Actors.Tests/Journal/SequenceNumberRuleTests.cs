using Akka.Actor;
using Akka.Persistence;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests.Journal;

// An executor derives each order's client order id from LastSequenceNr + 1 read just before it persists the intent
// (ClientOrderIdSource): the id names the journal event that intended the order. What that needs from Akka: the next
// event takes exactly that number; a rejected event's number is not given to a later event while the actor lives; and a
// recovered actor continues from the highest number the journal holds.
public sealed class SequenceNumberRuleTests() : TestKit(TestJournalConfig.Config)
{
    [Fact]
    public async Task NextEvent_TakesLastSequenceNrPlusOne_EvenAfterARejectedWrite_AndAfterRecovery()
    {
        var journal = TestJournalConfig.Of(Sys);
        var numbered = Sys.ActorOf(Props.Create(() => new Numbered("numbered-1")));
        numbered.Tell("a");
        Assert.Equal((1L, 1L), ExpectMsg<(long, long)>());

        await journal.OnWrite.RejectIf(p => p.Payload is "b");
        numbered.Tell("b");
        var rejected = ExpectMsg<long>();
        await journal.OnWrite.Pass();
        numbered.Tell("c");
        var afterRejection = ExpectMsg<(long Expected, long Written)>();

        Watch(numbered);
        Sys.Stop(numbered);
        ExpectTerminated(numbered);
        var recovered = Sys.ActorOf(Props.Create(() => new Numbered("numbered-1")));
        recovered.Tell("d");
        var afterRecovery = ExpectMsg<(long Expected, long Written)>();

        Assert.Equal(2L, rejected);
        Assert.Equal((3L, 3L), afterRejection);
        Assert.Equal((4L, 4L), afterRecovery);
    }

    [Fact]
    public void EveryIntent_NamesItsOwnJournalEvent_AcrossTheCrashesOfTheShippedScenario()
    {
        var journal = new ScenarioJournal();

        var result = ScenarioSimulation.Run(ScenarioLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "scenarios", "crash-entry-funding-exit.conf")), journal);

        Assert.Equal(3, result.Recoveries);
        var intents = result.Executors.SelectMany(e => journal.Events(e.Spec.ExecutorId))
            .Where(p => p.Payload is PairOrderIntended)
            .Select(p => (Derived: new ClientOrderIdSource(p.PersistenceId).Derive(p.SequenceNr).Value, Written: ((PairOrderIntended)p.Payload).ClientOrderId))
            .ToList();
        Assert.NotEmpty(intents);
        Assert.All(intents, i => Assert.Equal(i.Derived, i.Written));
        Assert.Equal(intents.Count, intents.Select(i => i.Written).Distinct().Count());
    }

    /// Persists every string; answers (the number expected before persisting, the number written), or the expected
    /// number alone when the journal rejected the event.
    private sealed class Numbered : ReceivePersistentActor
    {
        private long _expected;

        public Numbered(string persistenceId)
        {
            PersistenceId = persistenceId;
            Recover<string>(_ => { });
            Command<string>(text =>
            {
                _expected = LastSequenceNr + 1;
                var sender = Sender;
                Persist(text, _ => sender.Tell((_expected, LastSequenceNr)));
            });
        }

        public override string PersistenceId { get; }

        protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr) => Sender.Tell(_expected);
    }
}
