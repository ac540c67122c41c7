using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Actors.Simulation;

/// The snapshot store plugin of a simulated node, answered at once from the run's ScenarioJournal (see SimulationJournal).
public sealed class SimulationSnapshotStore : ActorBase
{
    private readonly ScenarioJournal _journal;

    public SimulationSnapshotStore() => _journal = SimulationRuns.Find(Context.System).Journal;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case LoadSnapshot load:
                Sender.Tell(new LoadSnapshotResult(_journal.LoadSnapshot(load.PersistenceId, load.Criteria), load.ToSequenceNr));
                return true;
            case SaveSnapshot save:
                _journal.SaveSnapshot(save.Metadata, save.Snapshot);
                Sender.Tell(new SaveSnapshotSuccess(save.Metadata));
                return true;
            default:
                return false;
        }
    }
}
