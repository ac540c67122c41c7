using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Akka.Actor;
using Akka.Configuration;
using Akka.Pattern;
using Akka.Persistence;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using AkkaTestKit = Akka.TestKit.Xunit2.TestKit;

namespace FundingArb.Persistence.Sql.Tests.Outage;

/// <summary>
/// PostgreSQL stops and starts again while persistent actors write. Each actor runs under
/// BackoffSupervisor OnStop: it stops on the failed write, backs off, fails to recover while the server is
/// down, and once it is back recovers and goes on, within seconds (the plugins' circuit breakers reset after 2 s). In
/// the end every value is stored exactly once.
/// </summary>
public sealed class PostgreSqlOutageTests : AkkaTestKit, IAsyncLifetime
{
    private const int Writers = 10;

    // Far more than the writers store while the server is being stopped: at 4,000 a loaded CI machine let most writers
    // finish during pg_ctl's stop, so they never saw the outage.
    private const int Target = 12_000;

    private readonly ConcurrentDictionary<string, int> _progress = new(StringComparer.Ordinal);
    private readonly StrongBox<int> _failures = new();
    private PrivatePostgreSql _server = null!;
    private PostgreSqlTestDatabase _database = null!;
    private ActorSystem _system = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgreSql.StartAsync();
        _database = new PostgreSqlTestDatabase(_server.ConnectionString);
        // The plugins as the node ships them (their circuit breakers included), on this test's server and schema.
        var shipped = ConfigurationFactory.ParseString($$"""
            akka.persistence {
              journal.plugin = "akka.persistence.journal.fundingarb-postgresql"
              snapshot-store.plugin = "akka.persistence.snapshot-store.fundingarb-postgresql"
              journal.fundingarb-postgresql { connection-string = "{{_database.ConnectionString}}", schema = {{_database.Schema}} }
              snapshot-store.fundingarb-postgresql { connection-string = "{{_database.ConnectionString}}", schema = {{_database.Schema}} }
            }
            """);
        _system = ActorSystem.Create("outage", shipped.WithFallback(_database.Config()));
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PersistingActors_ServerStoppedAndRestarted_BackOffRecoverAndStoreEveryValueOnce()
    {
        for (var w = 0; w < Writers; w++)
        {
            var pid = $"outage-{w}";
            var writer = Props.Create(() => new OutageWriter(pid, Target, _progress, _failures));
            _system.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(writer, pid, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.2, maxNrOfRetries: -1)), $"supervisor-{w}");
        }

        await AwaitConditionAsync(() => Task.FromResult(_progress.Count == Writers && _progress.Values.All(v => v >= 50)), TimeSpan.FromSeconds(30));
        await _server.StopAsync();
        await AwaitConditionAsync(() => Task.FromResult(Volatile.Read(ref _failures.Value) >= Writers), TimeSpan.FromSeconds(30), message: "every writer failed at least once");
        var stalled = _progress.Values.Sum();
        await _server.RestartAsync();

        await AwaitAssertAsync(() => Assert.True(_progress.Values.All(v => v == Target),
            $"every writer reaches {Target}: {string.Join(", ", _progress.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} at {p.Value}"))}; {Volatile.Read(ref _failures.Value)} failures"),
            TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(200));
        Assert.True(stalled < Writers * Target, "the outage came before the writers were done");
        var journal = Akka.Persistence.Persistence.Instance.Apply(_system).JournalFor(TestDatabase.ReopenedJournal);
        var probe = CreateTestProbe(_system);
        for (var w = 0; w < Writers; w++)
        {
            journal.Tell(new ReplayMessages(1, long.MaxValue, long.MaxValue, $"outage-{w}", probe.Ref));
            for (var n = 1; n <= Target; n++)
            {
                var replayed = await probe.ExpectMsgAsync<ReplayedMessage>();
                Assert.Equal((n, (long)n), ((int)replayed.Persistent.Payload, replayed.Persistent.SequenceNr));
            }

            await probe.ExpectMsgAsync<RecoverySuccess>(m => m.HighestSequenceNr == Target);
        }
    }
}
