using System.Collections.Immutable;
using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Actors.Simulation;

// Akka's AsyncWriteJournal answers through tasks and a resequencer; here every answer is told during the run that
// received the request, so a simulation's actors interleave identically on every run. The replies are those of the
// journal protocol: the batch's success first, then each event's, in order.

/// The journal plugin of a simulated node: the journal protocol answered at once from the run's ScenarioJournal.
public sealed class SimulationJournal : ActorBase
{
    private readonly ScenarioJournal _journal;

    public SimulationJournal() => _journal = SimulationRuns.Find(Context.System).Journal;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WriteMessages write:
                Write(write);
                return true;
            case ReplayMessages replay:
                Replay(replay);
                return true;
            case DeleteMessagesTo delete:
                delete.PersistentActor.Tell(new DeleteMessagesFailure(
                    new NotSupportedException("A simulation's journal keeps every event."), delete.ToSequenceNr));
                return true;
            default:
                return false;
        }
    }

    private void Write(WriteMessages write)
    {
        write.PersistentActor.Tell(WriteMessagesSuccessful.Instance);
        foreach (var envelope in write.Messages)
        {
            if (envelope is AtomicWrite atomic)
            {
                var events = (IImmutableList<IPersistentRepresentation>)atomic.Payload;
                _journal.Append(events);
                foreach (var persistent in events)
                {
                    write.PersistentActor.Tell(new WriteMessageSuccess(persistent, write.ActorInstanceId), persistent.Sender);
                }
            }
            else
            {
                write.PersistentActor.Tell(new LoopMessageSuccess(envelope.Payload, write.ActorInstanceId), envelope.Sender);
            }
        }
    }

    private void Replay(ReplayMessages replay)
    {
        var delivered = 0L;
        foreach (var persistent in _journal.Events(replay.PersistenceId))
        {
            if (persistent.SequenceNr >= replay.FromSequenceNr && persistent.SequenceNr <= replay.ToSequenceNr && delivered++ < replay.Max)
            {
                replay.PersistentActor.Tell(new ReplayedMessage(persistent));
            }
        }

        replay.PersistentActor.Tell(new RecoverySuccess(_journal.HighestSequenceNr(replay.PersistenceId)));
    }
}
