using Akka.Dispatch;

namespace FundingArb.Actors.Simulation;

// Akka hands every mailbox run of a dispatcher to its executor as an IRunnable. A simulated node's executor only
// queues them here, and the runner runs them one at a time on its own thread: the same run order on every run, and a
// place between two runs where a crash can strike. Venue answers and timers reach mailboxes while the runner advances
// the clock, on the same thread, so the queue sees one producer at a time; it is locked only because Akka's own
// threads (the loggers) may still hand it work.

/// One simulated node's work: its mailbox runs, in order, and the journal they write to.
public sealed class SimulationRun(ScenarioJournal journal)
{
    private readonly Queue<IRunnable> _runs = new();
    private readonly Lock _gate = new();

    public ScenarioJournal Journal { get; } = journal;

    /// Runs the oldest queued mailbox run; false when none was queued.
    public bool RunOne()
    {
        IRunnable? next;
        lock (_gate)
        {
            if (!_runs.TryDequeue(out next))
            {
                return false;
            }
        }

        next.Run();
        return true;
    }

    internal void Enqueue(IRunnable run)
    {
        lock (_gate)
        {
            _runs.Enqueue(run);
        }
    }
}
