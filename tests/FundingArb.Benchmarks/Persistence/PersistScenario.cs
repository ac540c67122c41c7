using System.Diagnostics;
using Akka.Actor;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's PersistGroup case (many actors, each persisting one event at a time with Persist) and one actor's Persist latency.</summary>
internal static class PersistScenario
{
    /// <summary>
    /// <paramref name="actors"/> actors each persist <paramref name="eventsPerActor"/> events with Persist, one
    /// at a time, on <paramref name="journal"/>; returns events per second over all of them.
    /// </summary>
    public static async Task<double> PersistGroupAsync(ActorSystem system, string journal, int actors, int eventsPerActor, string idPrefix)
    {
        var done = new CountdownEvent(actors);
        var reporter = system.ActorOf(Props.Create(() => new Countdown(done)));
        var refs = new IActorRef[actors];
        for (var a = 0; a < actors; a++)
        {
            var persistenceId = $"{idPrefix}{a}";
            refs[a] = system.ActorOf(Props.Create(() => new BenchActor(persistenceId, journal, reporter, eventsPerActor)));
        }

        await WaitAsync(done, actors).ConfigureAwait(false);
        done.Reset(actors);
        var start = Stopwatch.GetTimestamp();
        for (var n = 1; n <= eventsPerActor; n++)
        {
            foreach (var actor in refs)
            {
                actor.Tell(new BenchEvent(n, 12.5m), reporter);
            }
        }

        await WaitAsync(done, actors).ConfigureAwait(false);
        var rate = (double)actors * eventsPerActor / Stopwatch.GetElapsedTime(start).TotalSeconds;
        foreach (var actor in refs)
        {
            system.Stop(actor);
        }

        system.Stop(reporter);
        return rate;
    }

    /// <summary>One actor persists <paramref name="events"/> events one after the other; returns each round trip in microseconds, sorted.</summary>
    public static async Task<double[]> PersistLatencyAsync(ActorSystem system, string journal, int events, string persistenceId)
    {
        var recovered = new CountdownEvent(1);
        var reporter = system.ActorOf(Props.Create(() => new Countdown(recovered)));
        var actor = system.ActorOf(Props.Create(() => new BenchActor(persistenceId, journal, reporter, 0)));
        await WaitAsync(recovered, 1).ConfigureAwait(false);
        var samples = new double[events];
        for (var n = 1; n <= events; n++)
        {
            var start = Stopwatch.GetTimestamp();
            await actor.Ask<BenchActor.Done>(new BenchEvent(n, 12.5m), TimeSpan.FromSeconds(30)).ConfigureAwait(false);
            samples[n - 1] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        system.Stop(actor);
        system.Stop(reporter);
        Array.Sort(samples);
        return samples;
    }

    internal static async Task WaitAsync(CountdownEvent countdown, int expected)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await Task.Run(() => countdown.Wait(timeout.Token), timeout.Token).ConfigureAwait(false);
        if (countdown.CurrentCount != 0)
        {
            throw new TimeoutException($"{countdown.CurrentCount} of {expected} did not answer.");
        }
    }

    /// <summary>Counts answers (Recovered or Done) down.</summary>
    internal sealed class Countdown(CountdownEvent countdown) : UntypedActor
    {
        protected override void OnReceive(object message) => countdown.Signal();
    }
}
