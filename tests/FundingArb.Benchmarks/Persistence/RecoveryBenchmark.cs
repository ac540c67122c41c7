using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's Recovering: a fresh actor replays 10,000 events, per store.</summary>
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
        _target = Store == "sqlite" ? PersistenceTarget.Sqlite() : PersistenceTarget.PostgreSql(PersistenceTarget.PostgreSqlConnectionString!);
        _system = _target.CreateSystem();
        await RecoveryScenario.SeedAsync(_target, _system.Log, "recover", 1, Events).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _system.Terminate().ConfigureAwait(false);
        await _target.DisposeAsync().ConfigureAwait(false);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public Task RecoverTenThousandEvents() => RecoveryScenario.RecoverAsync(_system, _target.Name, "recover", 1);
}
