using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

[MemoryDiagnoser]
public class FanInBenchmark
{
    private const int Messages = 1_000_000;
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("fanin");

    [GlobalCleanup]
    public Task Cleanup() => _system.Terminate();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public Task Channels() => FanInScenario.RunChannelsAsync(Messages);

    [Benchmark(OperationsPerInvoke = Messages)]
    public Task Actors() => FanInScenario.RunActorsAsync(_system, Messages);
}
