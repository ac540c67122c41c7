using System.Diagnostics;
using Akka.Actor;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's PersistGroup case: many actors, each persisting one event at a time with Persist.</summary>
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
