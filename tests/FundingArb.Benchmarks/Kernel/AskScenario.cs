using System.Diagnostics;
using FundingArb.Kernel;

namespace FundingArb.Benchmarks.Kernel;

/// <summary>Sequential Ask round trips to an echo actor: the latency of a request-reply across the kernel.</summary>
internal static class AskScenario
{
    public static async Task<double[]> MeasureMicrosecondsAsync(ActorSystem system, int asks)
    {
        var echo = system.ActorOf(Props.Create(() => new Echo()));
        var samples = new double[asks];
        for (var i = 0; i < asks; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await echo.Ask<object>(Echo.Ping, TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        system.Stop(echo);
        return samples;
    }

    private sealed class Echo : UntypedActor
    {
        public static readonly object Ping = new();

        protected override void OnReceive(object message) => Sender.Tell(message, Self);
    }
}
