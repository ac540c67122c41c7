using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's Recovering case: a fresh actor replays all its events.</summary>
internal static class RecoveryScenario
{
    /// <summary>Writes <paramref name="events"/> events for <paramref name="persistenceId"/> through <paramref name="journal"/>'s protocol (atomic writes of 100).</summary>
    public static async Task SeedAsync(ActorSystem system, string journal, string persistenceId, int events)
    {
        var writes = new List<IPersistentEnvelope>();
        for (var first = 1; first <= events; first += 100)
        {
            var batch = Enumerable.Range(first, Math.Min(100, events - first + 1))
                .Select(n => (IPersistentRepresentation)new Persistent(new BenchEvent(n, 12.5m), n, persistenceId, "", false, ActorRefs.NoSender, "seed", 638_000_000_000_000_000L + n))
                .ToImmutableList();
            writes.Add(new AtomicWrite(batch));
        }

        var reply = await Akka.Persistence.Persistence.Instance.Apply(system).JournalFor(journal)
            .Ask<object>(sender => new WriteMessages(writes, sender, 1), TimeSpan.FromMinutes(2), CancellationToken.None).ConfigureAwait(false);
        if (reply is not WriteMessagesSuccessful)
        {
            throw new InvalidOperationException($"Seeding {persistenceId} failed: {reply}");
        }
    }

    /// <summary>Starts one actor and returns the events per second of its recovery.</summary>
    public static async Task<double> RecoverAsync(ActorSystem system, string journal, string persistenceId, int events)
    {
        var done = new CountdownEvent(1);
        var reporter = system.ActorOf(Props.Create(() => new PersistScenario.Countdown(done)));
        var start = Stopwatch.GetTimestamp();
        var actor = system.ActorOf(Props.Create(() => new BenchActor(persistenceId, journal, reporter, 0)));
        await PersistScenario.WaitAsync(done, 1).ConfigureAwait(false);
        var rate = events / Stopwatch.GetElapsedTime(start).TotalSeconds;
        system.Stop(actor);
        system.Stop(reporter);
        return rate;
    }
}
