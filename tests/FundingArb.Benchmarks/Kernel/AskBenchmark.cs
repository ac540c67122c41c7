using BenchmarkDotNet.Attributes;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

[MemoryDiagnoser]
public class AskBenchmark
{
    private const int Asks = 10_000;
    private ActorSystem _system = null!;

    [GlobalSetup]
    public void Setup() => _system = ActorSystem.Create("ask");

    [GlobalCleanup]
    public Task Cleanup() => _system.Terminate();

    [Benchmark(OperationsPerInvoke = Asks)]
    public Task<double[]> SequentialAsks() => AskScenario.MeasureMicrosecondsAsync(_system, Asks);
}
