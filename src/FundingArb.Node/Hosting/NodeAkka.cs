using Akka.Actor;
using Akka.Configuration;
using Akka.Hosting;
using Akka.Logger.Serilog;
using FundingArb.Actors.Journaling;
using FundingArb.Actors.Runtime;
using FundingArb.Actors.Wire;
using FundingArb.Cluster;
using FundingArb.Node.Cluster;
using FundingArb.Node.Configuration;
using FundingArb.Persistence.Sql;

namespace FundingArb.Node.Hosting;

/// The node's actor system as Akka.Hosting builds it: a cluster member (ClusterAkka), the node's configuration (its
/// akka.* keys) over the journal plugins' defaults, the SQLite journal and snapshot store on the data folder's journal
/// file, the event serializer, the cluster message serializer with strict serialization (a message type without a
/// binding is refused, not sent as CLR-typed JSON), the market clock as the scheduler; Serilog as Akka's logger; the node's actors started by NodeRuntime; and NodeRuntime's drain as
/// the first task of CoordinatedShutdown, so Ctrl+C and SIGTERM stop new pairs and wait for those in flight before the
/// system terminates.
internal static class NodeAkka
{
    public const string SystemName = "fundingarb";

    public static void Configure(AkkaConfigurationBuilder akka, IServiceProvider services)
    {
        var runtime = services.GetRequiredService<NodeRuntime>();
        var settings = runtime.Settings;
        akka.AddHocon(SystemConfig(settings, runtime.Clock), HoconAddMode.Prepend);
        ClusterAkka.Configure(akka, settings.Cluster, settings.JournalPlugin == SqlPersistence.PostgreSqlJournal);
        akka.ConfigureLoggers(loggers =>
        {
            loggers.ClearLoggers();
            loggers.AddLogger<SerilogLogger>();
        });
        akka.WithActors((system, _) => runtime.StartActorsAsync(system));
        akka.AddStartup((system, _) => CoordinatedShutdown.Get(system)
            .AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "stop-new-pairs-and-drain", runtime.DrainAsync));
    }

    private static Config SystemConfig(NodeSettings settings, TimeProvider clock)
    {
        var connection = HoconText.Quote($"Data Source={settings.DatabasePath}");
        var drain = (int)Math.Ceiling((settings.ShutdownDeadline + TimeSpan.FromSeconds(10)).TotalSeconds);
        var node = ConfigurationFactory.ParseString($$"""
            akka.persistence.journal.fundingarb-sqlite.connection-string = {{connection}}
            akka.persistence.snapshot-store.fundingarb-sqlite.connection-string = {{connection}}
            # The drain waits up to the node's shutdown deadline, and must not be cut short by the phase's own timeout.
            akka.coordinated-shutdown.phases.before-service-unbind.timeout = {{drain}}s
            """);
        return node
            .WithFallback(SchedulerClocks.Config(clock))
            .WithFallback(EventSerializer.Config)
            .WithFallback(ClusterMessageSerializer.Config)
            .WithFallback(settings.Config)
            .WithFallback(ClusterConfig.Default())
            .WithFallback(SqlPersistence.DefaultConfig());
    }
}
