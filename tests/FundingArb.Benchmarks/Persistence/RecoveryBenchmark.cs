using Akka.Actor;
using BenchmarkDotNet.Attributes;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's Recovering: a fresh actor replays 10,000 events, on our journal and on Akka.Persistence.Sql, per store.</summary>
[MemoryDiagnoser]
public class RecoveryBenchmark
{
    private const int Events = 10_000;
    private PersistenceTarget _target = null!;
    private ActorSystem _system = null!;

    [ParamsSource(nameof(Stores))]
    public string Store { get; set; } = "sqlite";

    public static IEnumerable<string> Stores() => PersistGroupBenchmark.Stores();

    [GlobalSetup]
    public async Task Setup()
    {
        _target = PersistenceTarget.Create(Store);
        _system = _target.CreateSystem();
        await RecoveryScenario.SeedAsync(_system, PersistenceTarget.Ours, "recover-ours", Events).ConfigureAwait(false);
        await RecoveryScenario.SeedAsync(_system, PersistenceTarget.Aps, "recover-aps", Events).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _system.Terminate().ConfigureAwait(false);
        await _target.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public Task OurJournal() => RecoveryScenario.RecoverAsync(_system, PersistenceTarget.Ours, "recover-ours", Events);

    [Benchmark(OperationsPerInvoke = Events)]
    public Task AkkaPersistenceSql() => RecoveryScenario.RecoverAsync(_system, PersistenceTarget.Aps, "recover-aps", Events);
}
