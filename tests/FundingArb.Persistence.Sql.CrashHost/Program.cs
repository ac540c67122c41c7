using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.CrashHost;

// Usage: CrashHost <sqlite|postgresql> <connection string> <schema> <actors>
// Writes until it is killed; the crash test sends SIGKILL mid-run.
if (args.Length != 4)
{
    await Console.Error.WriteLineAsync("usage: CrashHost <sqlite|postgresql> <connection-string> <schema> <actors>");
    return 2;
}

var journal = $"akka.persistence.journal.fundingarb-{args[0]}";
var config = ConfigurationFactory.ParseString($$"""
    {{CrashSerializer.Hocon}}
    akka.persistence.journal.plugin = "{{journal}}"
    {{journal}} { connection-string = "{{args[1]}}", schema = {{args[2]}} }
    """).WithFallback(SqlPersistence.DefaultConfig());
var acks = TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true });
using var system = ActorSystem.Create("crash", config);
for (var a = 0; a < int.Parse(args[3], CultureInfo.InvariantCulture); a++)
{
    var id = $"crash-{a}";
    system.ActorOf(Props.Create(() => new CrashWriter(id, acks)), id);
}

await acks.WriteLineAsync("started");
await system.WhenTerminated;
return 0;
