using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

[MemoryDiagnoser]
public class ManyPairsBenchmark
{
    private const int HopsPerPair = 10_000;
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("pairs");

    [GlobalCleanup]
    public Task Cleanup() => _system.Terminate();

    [Benchmark(Baseline = true, OperationsPerInvoke = HopsPerPair * ManyPairsScenario.Pairs)]
    public Task Channels() => ManyPairsScenario.RunChannelsAsync(HopsPerPair);

    [Benchmark(OperationsPerInvoke = HopsPerPair * ManyPairsScenario.Pairs)]
    public Task Actors() => ManyPairsScenario.RunActorsAsync(_system, HopsPerPair);
}
