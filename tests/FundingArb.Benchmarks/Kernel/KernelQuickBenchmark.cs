using System.Diagnostics;
using FundingArb.Benchmarks.Quick;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>
/// The kernel's figures in one quick pass: each actor scenario and its raw-channel baseline run alternately
/// five times in this process, and the medians are compared.
/// </summary>
internal sealed class KernelQuickBenchmark : IQuickBenchmark
{
    private const int Rounds = 5;

    public string Area => "kernel";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<IEnumerable<QuickFigure>> RunAsync()
    {
        var figures = new List<QuickFigure>();
        await using var system = ActorSystem.Create("bench");

        const int PingPongHops = 1_000_000;
        var (pingActors, pingChannels) = await CompareAsync(
            () => PingPongScenario.RunActorsAsync(system, PingPongHops),
            () => PingPongScenario.RunChannelsAsync(PingPongHops),
            PingPongHops).ConfigureAwait(false);
        figures.Add(new QuickFigure("ping-pong, channels baseline", pingChannels, "msg/s"));
        figures.Add(new QuickFigure("ping-pong, 2 actors", pingActors, "msg/s", pingActors / pingChannels, ">= 0.5"));

        const int FanInMessages = 4_000_000;
        var (fanActors, fanChannels) = await CompareAsync(
            () => FanInScenario.RunActorsAsync(system, FanInMessages),
            () => FanInScenario.RunChannelsAsync(FanInMessages),
            FanInMessages).ConfigureAwait(false);
        figures.Add(new QuickFigure("one-way 4 senders, channels baseline", fanChannels, "msg/s"));
        figures.Add(new QuickFigure("one-way 4 senders -> 1 actor", fanActors, "msg/s", fanActors / fanChannels, ">= 0.3"));

        const int HopsPerPair = 20_000;
        var (pairsActors, pairsChannels) = await CompareAsync(
            () => ManyPairsScenario.RunActorsAsync(system, HopsPerPair),
            () => ManyPairsScenario.RunChannelsAsync(HopsPerPair),
            HopsPerPair * ManyPairsScenario.Pairs).ConfigureAwait(false);
        figures.Add(new QuickFigure("100 pairs x 100 in flight, channels baseline", pairsChannels, "msg/s"));
        figures.Add(new QuickFigure("100 pairs x 100 in flight, actors", pairsActors, "msg/s", pairsActors / pairsChannels));

        var (bytesPerActor, spawnRate) = await FootprintScenario.MeasureAsync(100_000).ConfigureAwait(false);
        figures.Add(new QuickFigure("idle actor footprint (100,000 actors)", bytesPerActor, "B/actor", Target: "<= 400"));
        figures.Add(new QuickFigure("spawn rate", spawnRate, "actors/s"));

        await AskScenario.MeasureMicrosecondsAsync(system, 2_000).ConfigureAwait(false);
        var samples = await AskScenario.MeasureMicrosecondsAsync(system, 20_000).ConfigureAwait(false);
        Array.Sort(samples);
        figures.Add(new QuickFigure("ask round trip, median", samples[samples.Length / 2], "us"));
        figures.Add(new QuickFigure("ask round trip, p99", samples[(int)(samples.Length * 0.99)], "us"));
        return figures;
    }

    /// <summary>Median rates of the actor run and of its baseline, measured alternately after one warm-up each.</summary>
    private static async Task<(double Actors, double Baseline)> CompareAsync(Func<Task> actors, Func<Task> baseline, int messages)
    {
        await actors().ConfigureAwait(false);
        await baseline().ConfigureAwait(false);
        var actorRates = new List<double>();
        var baselineRates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            actorRates.Add(messages / await TimeAsync(actors).ConfigureAwait(false));
            baselineRates.Add(messages / await TimeAsync(baseline).ConfigureAwait(false));
        }

        return (Samples.Median(actorRates), Samples.Median(baselineRates));
    }

    private static async Task<double> TimeAsync(Func<Task> run)
    {
        var start = Stopwatch.GetTimestamp();
        await run().ConfigureAwait(false);
        return Stopwatch.GetElapsedTime(start).TotalSeconds;
    }
}
