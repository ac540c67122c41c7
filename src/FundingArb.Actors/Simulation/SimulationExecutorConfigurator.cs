using Akka.Configuration;
using Akka.Dispatch;

namespace FundingArb.Actors.Simulation;

/// The executor of a simulated node's dispatchers (`executor = "...SimulationExecutorConfigurator, FundingArb.Actors"`):
/// it queues every mailbox run on the node's SimulationRun instead of running it on a thread.
public sealed class SimulationExecutorConfigurator(Config config, IDispatcherPrerequisites prerequisites) : ExecutorServiceConfigurator(config, prerequisites)
{
    public override ExecutorService Produce(string id) => new QueueingExecutor(id, SimulationRuns.Find(Prerequisites.Settings.Config.GetString(SimulationRuns.RunIdKey, null)));

    private sealed class QueueingExecutor(string id, SimulationRun run) : ExecutorService(id)
    {
        public override void Execute(IRunnable work) => run.Enqueue(work);

        // The queue is the run's and outlives this system: a restarted node queues on it again.
        public override void Shutdown()
        {
        }
    }
}
