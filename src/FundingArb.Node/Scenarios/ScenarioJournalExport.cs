using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;
using FundingArb.Actors.Simulation;
using FundingArb.Node.Journal;
using FundingArb.Persistence.Sql;

namespace FundingArb.Node.Scenarios;

// A simulation's journal answers in memory, within the run that wrote to it (the same report on every run); a journal
// file is written after the run, each atomic write as the actors made it, through the plugin's own journal protocol.

/// Writes a scenario run's journal into a SQLite journal file, as a node would have written it.
internal static class ScenarioJournalExport
{
    public static async Task ToSqliteAsync(ScenarioJournal journal, string path)
    {
        var system = JournalFile.Open(path, "scenario-journal");
        try
        {
            foreach (var write in journal.Writes)
            {
                var writer = system.ActorOf(Props.Create(() => new AtomicWriter(write.Length)));
                var done = writer.Ask<object>(new WriteMessages([new AtomicWrite(ImmutableList.CreateRange(write))], writer, 1), TimeSpan.FromMinutes(1));
                if (await done.ConfigureAwait(false) is Exception failure)
                {
                    throw new IOException($"Writing {write[0].PersistenceId}'s events to {path} failed: {failure.Message}", failure);
                }
            }
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    /// Sends one WriteMessages and answers its asker once every event is acknowledged (null), or with the failure.
    private sealed class AtomicWriter(int events) : ReceiveActor
    {
        private IActorRef _asker = ActorRefs.Nobody;
        private int _acknowledged;

        protected override void PreStart() => Become(Waiting);

        private void Waiting()
        {
            Receive<WriteMessages>(write =>
            {
                _asker = Sender;
                Akka.Persistence.Persistence.Instance.Apply(Context.System).JournalFor(SqlPersistence.SqliteJournal).Tell(write);
                Become(Writing);
            });
        }

        private void Writing()
        {
            Receive<WriteMessagesSuccessful>(_ => { });
            Receive<WriteMessageSuccess>(_ =>
            {
                if (++_acknowledged == events)
                {
                    _asker.Tell(null!);
                    Context.Stop(Self);
                }
            });
            Receive<WriteMessagesFailed>(m => Answer(m.Cause));
            Receive<WriteMessageFailure>(m => Answer(m.Cause));
            Receive<WriteMessageRejected>(m => Answer(m.Cause));
        }

        private void Answer(Exception failure)
        {
            _asker.Tell(failure);
            Context.Stop(Self);
        }
    }
}
