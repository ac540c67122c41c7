using FundingArb.Kernel;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.CrashHost;
using FundingArb.Persistence.Sql.Serialization;

// Usage: CrashHost <sqlite|postgresql> <connection string> <schema> <actors>
// Writes until it is killed; the crash test sends SIGKILL mid-run.
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: CrashHost <sqlite|postgresql> <connection-string> <schema> <actors>");
    return 2;
}

var provider = args[0] == "sqlite" ? SqlProvider.Sqlite : SqlProvider.PostgreSql;
var settings = new SqlJournalSettings { Provider = provider, ConnectionString = args[1], Schema = args[2] };
var registry = new EventManifestRegistry().Register<CrashEvent>("crash-event.v1");
var acks = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
await using var system = ActorSystem.Create("crash");
SqlPersistence.RegisterJournal(system, args[0], settings, registry);
for (var a = 0; a < int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture); a++)
{
    var id = $"crash-{a}";
    system.ActorOf(Props.Create(() => new CrashWriter(id, args[0], acks)), id);
}

await acks.WriteLineAsync("started");
await system.WhenTerminated;
return 0;
