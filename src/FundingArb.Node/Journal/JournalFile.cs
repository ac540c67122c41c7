using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using Akka.Remote;
using FundingArb.Actors.Journaling;
using FundingArb.Node.Configuration;
using FundingArb.Persistence.Sql;

namespace FundingArb.Node.Journal;

/// A SQLite journal file opened by an actor system of its own, for the commands that read or write one without a node:
/// the event serializer, sharding's and Akka.Remote's (sharding journals the pairs it remembers with them) and our
/// SQLite plugins on the file.
internal static class JournalFile
{
    public static ActorSystem Open(string path, string systemName)
    {
        var connection = HoconText.Quote($"Data Source={path}");
        var config = ConfigurationFactory.ParseString($$"""
            akka {
              loglevel = WARNING
              persistence.journal.plugin = "{{SqlPersistence.SqliteJournal}}"
              persistence.snapshot-store.plugin = "{{SqlPersistence.SqliteSnapshotStore}}"
              persistence.journal.fundingarb-sqlite.connection-string = {{connection}}
              persistence.snapshot-store.fundingarb-sqlite.connection-string = {{connection}}
            }
            """).WithFallback(EventSerializer.Config).WithFallback(ClusterSharding.DefaultConfig())
            .WithFallback(ConfigurationFactory.FromResource<RemoteActorRefProvider>("Akka.Remote.Configuration.Remote.conf")).WithFallback(SqlPersistence.DefaultConfig());
        return ActorSystem.Create(systemName, config);
    }
}
