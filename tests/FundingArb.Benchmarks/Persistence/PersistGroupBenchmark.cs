using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// 100 actors persisting one event at a time on our journal and on Akka.Persistence.Sql (its best settings), against
/// the raw batched insert of the same rows, per store (PostgreSQL only when <c>FUNDINGARB_TEST_PG</c> names a server).
/// </summary>
[MemoryDiagnoser]
public class PersistGroupBenchmark
{
    private const int Actors = 100;
    private const int EventsPerActor = 100;
    private PersistenceTarget _target = null!;
    private ActorSystem _system = null!;
    private int _round;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() =>
        PersistenceTarget.PostgreSqlConnectionString is null ? ["sqlite"] : ["sqlite", "postgresql"];

    [GlobalSetup]
    public void Setup()
    {
        _target = PersistenceTarget.Create(Store);
        _system = _target.CreateSystem(Store == "sqlite" ? ApsTuning.Sqlite : ApsTuning.PostgreSql);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _system.Terminate().ConfigureAwait(false);
        await _target.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Actors * EventsPerActor)]
    public Task RawBatchedInsert() => RawInsertScenario.RunAsync(_target, Actors * EventsPerActor, $"raw{++_round}-");

    [Benchmark(OperationsPerInvoke = Actors * EventsPerActor)]
    public Task OurJournal() => PersistScenario.PersistGroupAsync(_system, PersistenceTarget.Ours, Actors, EventsPerActor, $"ours{++_round}-");

    [Benchmark(OperationsPerInvoke = Actors * 10)]
    public Task AkkaPersistenceSql() => PersistScenario.PersistGroupAsync(_system, PersistenceTarget.Aps, Actors, 10, $"aps{++_round}-");
}
