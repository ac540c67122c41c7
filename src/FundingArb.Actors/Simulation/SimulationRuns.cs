using System.Collections.Concurrent;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;

namespace FundingArb.Actors.Simulation;

// Akka builds dispatchers' executors and persistence plugins by reflection from configuration, so the run they belong to
// is registered here under an id the node's configuration names (as SchedulerClocks does for clocks).

/// The simulated nodes running now, by the id in their configuration (`fundingarb.simulation.run-id`).
public static class SimulationRuns
{
    public const string RunIdKey = "fundingarb.simulation.run-id";

    private static readonly ConcurrentDictionary<string, SimulationRun> s_runs = new(StringComparer.Ordinal);
    private static long s_lastId;

    /// Registers the run and returns the configuration of a node whose every mailbox run, journal write and replay goes
    /// through it. Release it when the node's system has terminated.
    public static Config Register(SimulationRun run, out string id)
    {
        ArgumentNullException.ThrowIfNull(run);
        id = Interlocked.Increment(ref s_lastId).ToString(CultureInfo.InvariantCulture);
        s_runs[id] = run;
        var assembly = typeof(SimulationRuns).Assembly.GetName().Name;
        var executor = $"{typeof(SimulationExecutorConfigurator).FullName}, {assembly}";
        return ConfigurationFactory.ParseString($$"""
            {{RunIdKey}} = "{{id}}"
            akka {
              actor {
                default-dispatcher { executor = "{{executor}}", throughput = 1 }
                internal-dispatcher { executor = "{{executor}}", throughput = 1 }
              }
              # A logger must answer the system's start while the system is being created, before the run's queue is run;
              # a host that wants a simulation's log subscribes to its event stream instead.
              loggers = []
              persistence {
                journal.plugin = "fundingarb.simulation.journal"
                snapshot-store.plugin = "fundingarb.simulation.snapshot-store"
              }
              coordinated-shutdown {
                run-by-actor-system-terminate = off
                run-by-clr-shutdown-hook = off
              }
            }
            fundingarb.simulation {
              journal { class = "{{typeof(SimulationJournal).FullName}}, {{assembly}}", plugin-dispatcher = "akka.actor.default-dispatcher" }
              snapshot-store { class = "{{typeof(SimulationSnapshotStore).FullName}}, {{assembly}}", plugin-dispatcher = "akka.actor.default-dispatcher" }
            }
            """);
    }

    public static void Release(string id) => s_runs.TryRemove(id, out _);

    internal static SimulationRun Find(ActorSystem system) => Find(system.Settings.Config.GetString(RunIdKey, null));

    internal static SimulationRun Find(string? id) =>
        id is not null && s_runs.TryGetValue(id, out var run) ? run : throw new ConfigurationException($"No simulation is registered as {RunIdKey} = {id}.");
}
