using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

[MemoryDiagnoser]
public class PingPongBenchmark
{
    private const int Hops = 200_000;
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("pingpong");

    [GlobalCleanup]
    public Task Cleanup() => _system.Terminate();

    [Benchmark(Baseline = true, OperationsPerInvoke = Hops)]
    public Task Channels() => PingPongScenario.RunChannelsAsync(Hops);

    [Benchmark(OperationsPerInvoke = Hops)]
    public Task Actors() => PingPongScenario.RunActorsAsync(_system, Hops);
}
