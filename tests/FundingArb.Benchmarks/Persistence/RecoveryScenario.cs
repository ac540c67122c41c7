using System.Collections.Immutable;
using System.Diagnostics;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Persistence.Sql;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>JournalPerfSpec's Recovering case (one actor, 10,000 events) and a recovery storm (1,000 actors × 100 events).</summary>
internal static class RecoveryScenario
{
    /// <summary>Writes <paramref name="eventsPerActor"/> events for each id straight through the journal (atomic writes of 100).</summary>
    public static async Task SeedAsync(PersistenceTarget target, ILoggingAdapter log, string idPrefix, int actors, int eventsPerActor)
    {
        await using var journal = SqlPersistence.CreateJournal(target.Settings, target.Registry, TimeProvider.System, log);
        var writes = new List<Task>();
        for (var a = 0; a < actors; a++)
        {
            for (var first = 1; first <= eventsPerActor; first += 100)
            {
                var pid = $"{idPrefix}{a}";
                var events = Enumerable.Range(first, Math.Min(100, eventsPerActor - first + 1))
                    .Select(n => new Persistent(new BenchEvent(n, 12.5m), n, pid, WriterGuid: "seed", Timestamp: 638_000_000_000_000_000L + n))
                    .ToImmutableArray();
                writes.Add(journal.WriteMessagesAsync([new AtomicWrite(events)], CancellationToken.None));
            }

            if (writes.Count >= 200)
            {
                await Task.WhenAll(writes).ConfigureAwait(false);
                writes.Clear();
            }
        }

        await Task.WhenAll(writes).ConfigureAwait(false);
    }

    /// <summary>Starts one actor per id at once and returns the seconds until every one has recovered.</summary>
    public static async Task<double> RecoverAsync(ActorSystem system, string pluginId, string idPrefix, int actors)
    {
        var done = new CountdownEvent(actors);
        var reporter = system.ActorOf(Props.Create(() => new PersistScenario.Countdown(done)));
        var start = Stopwatch.GetTimestamp();
        var refs = new IActorRef[actors];
        for (var a = 0; a < actors; a++)
        {
            var persistenceId = $"{idPrefix}{a}";
            refs[a] = system.ActorOf(Props.Create(() => new BenchActor(persistenceId, pluginId, reporter, 0)));
        }

        await PersistScenario.WaitAsync(done, actors).ConfigureAwait(false);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        foreach (var actor in refs)
        {
            system.Stop(actor);
        }

        system.Stop(reporter);
        return seconds;
    }
}
