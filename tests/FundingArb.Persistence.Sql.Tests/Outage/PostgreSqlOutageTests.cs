using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FundingArb.Kernel;
using FundingArb.Kernel.Pattern;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.TestKit;
using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Outage;

/// <summary>
/// PostgreSQL stops and starts again while persistent actors write. Each actor runs under
/// BackoffSupervisor.OnStop: it stops on the failed write, backs off, fails to recover while the server is
/// down, and once it is back recovers and goes on. In the end every value is stored exactly once.
/// </summary>
public sealed class PostgreSqlOutageTests : TestKit, IAsyncLifetime
{
    private const int Writers = 10;
    private const int Target = 400;

    private readonly ConcurrentDictionary<string, int> _progress = new(StringComparer.Ordinal);
    private readonly StrongBox<int> _failures = new();
    private PrivatePostgreSql _server = null!;
    private SqlJournalSettings _settings = null!;

    public async Task InitializeAsync()
    {
        _server = await PrivatePostgreSql.StartAsync();
        _settings = new SqlJournalSettings { Provider = SqlProvider.PostgreSql, ConnectionString = _server.ConnectionString, Schema = "outage" };
        var registry = TestRegistry.Create();
        SqlPersistence.RegisterJournal(Sys, SqlPersistence.PostgreSqlPluginId, _settings, registry);
        SqlPersistence.RegisterSnapshotStore(Sys, SqlPersistence.PostgreSqlPluginId,
            new SqlSnapshotStoreSettings { Provider = SqlProvider.PostgreSql, ConnectionString = _server.ConnectionString, Schema = "outage" }, registry);
    }

    public async Task DisposeAsync()
    {
        await Sys.Terminate();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task PersistingActors_ServerStoppedAndRestarted_BackOffRecoverAndStoreEveryValueOnce()
    {
        for (var w = 0; w < Writers; w++)
        {
            var pid = $"outage-{w}";
            var writer = Props.Create(() => new OutageWriter(pid, Target, _progress, _failures));
            Sys.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(writer, pid, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), 0.2)), $"supervisor-{w}");
        }

        await AwaitConditionAsync(() => _progress.Count == Writers && _progress.Values.All(v => v >= 50), TimeSpan.FromSeconds(30));
        await _server.StopAsync();
        await AwaitConditionAsync(() => Volatile.Read(ref _failures.Value) >= Writers, TimeSpan.FromSeconds(30), message: "every writer failed at least once");
        var stalled = _progress.Values.Sum();
        await _server.RestartAsync();

        await AwaitConditionAsync(() => _progress.Values.All(v => v == Target), TimeSpan.FromSeconds(60), message: "every writer reached its target");
        Assert.True(stalled < Writers * Target, "the outage came before the writers were done");
        await using var journal = SqlPersistence.CreateJournal(_settings, TestRegistry.Create(), TimeProvider.System, Sys.Log);
        for (var w = 0; w < Writers; w++)
        {
            var values = new List<Persistent>();
            await journal.ReplayMessagesAsync($"outage-{w}", 1, long.MaxValue, long.MaxValue, values.Add, CancellationToken.None);
            Assert.Equal(Enumerable.Range(1, Target), values.Select(p => (int)p.Payload));
            Assert.Equal(Enumerable.Range(1, Target).Select(n => (long)n), values.Select(p => p.SequenceNr));
        }
    }
}
