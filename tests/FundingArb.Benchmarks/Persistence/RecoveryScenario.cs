using System.Collections.Immutable;
using System.Diagnostics;
using Akka.Actor;
using Akka.Persistence;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's Recovering case (a fresh actor replays all its events) and a recovery storm (many actors at once).</summary>
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
    public static async Task<double> RecoverAsync(ActorSystem system, string journal, string persistenceId, int events) =>
        events / await RecoverAllAsync(system, journal, [persistenceId]).ConfigureAwait(false);

    /// <summary>Starts one actor per id at once and returns the seconds until every one has recovered.</summary>
    public static async Task<double> RecoverAllAsync(ActorSystem system, string journal, IReadOnlyList<string> persistenceIds)
    {
        var done = new CountdownEvent(persistenceIds.Count);
        var reporter = system.ActorOf(Props.Create(() => new PersistScenario.Countdown(done)));
        var start = Stopwatch.GetTimestamp();
        var actors = persistenceIds.Select(id => system.ActorOf(Props.Create(() => new BenchActor(id, journal, reporter, 0)))).ToList();
        await PersistScenario.WaitAsync(done, persistenceIds.Count).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        foreach (var actor in actors)
        {
            system.Stop(actor);
        }

        system.Stop(reporter);
        return seconds;
    }
}
