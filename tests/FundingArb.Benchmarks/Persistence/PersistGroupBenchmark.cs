using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// 100 actors persisting one event at a time against the raw batched insert of the same rows, per store
/// (PostgreSQL only when <c>FUNDINGARB_TEST_PG</c> names a server).
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
        _target = Store == "sqlite" ? PersistenceTarget.Sqlite() : PersistenceTarget.PostgreSql(PersistenceTarget.PostgreSqlConnectionString!);
        _system = _target.CreateSystem();
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
    public Task PersistHundredActors() => PersistScenario.PersistGroupAsync(_system, _target.Name, Actors, EventsPerActor, $"group{++_round}-");
}
