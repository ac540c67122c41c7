using FundingArb.Benchmarks.Quick;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// The journal figures in one pass, on SQLite and (when <c>FUNDINGARB_TEST_PG</c> names a server) on PostgreSQL:
/// the raw batched-insert limit and our journal with 100 actors persisting one event at a time, alternately
/// three times each (medians; the ratio is the median of each round's ratio, since fsync latency on a shared disk
/// drifts); recovery of one actor with 10,000 events; one actor's Persist latency; 1,000 actors × 100 events recovering
/// at once; then Akka.Persistence.Sql with its defaults and with the best
/// settings found (docs/benchmarks.md, "Journal"), on a fresh database each, as ratios to the same raw figure.
/// </summary>
internal sealed class PersistenceQuickBenchmark : IQuickBenchmark
{
    private const int Rounds = 3;
    private const int Actors = 100;
    private const int RecoveryEvents = 10_000;

    public string Area => "persistence";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<IEnumerable<QuickFigure>> RunAsync()
    {
        var figures = new List<QuickFigure>();
        figures.AddRange(await MeasureAsync("sqlite", () => PersistenceTarget.Sqlite(wal: true), () => PersistenceTarget.Sqlite(wal: false), ApsTuning.Sqlite,
            recoveryTarget: 150_000, apsEvents: 10).ConfigureAwait(false));
        if (PersistenceTarget.PostgreSqlConnectionString is { } connectionString)
        {
            figures.AddRange(await MeasureAsync("postgresql", () => PersistenceTarget.PostgreSql(connectionString), () => PersistenceTarget.PostgreSql(connectionString),
                ApsTuning.PostgreSql, recoveryTarget: 100_000, apsEvents: 50).ConfigureAwait(false));
        }
        else
        {
            figures.Add(new QuickFigure("postgresql: not measured, FUNDINGARB_TEST_PG unset (SQLite only)", 0, "-"));
        }

        return figures;
    }

    private static async Task<List<QuickFigure>> MeasureAsync(string name, Func<PersistenceTarget> ours, Func<PersistenceTarget> apsDefault, string apsBest, double recoveryTarget, int apsEvents)
    {
        var figures = new List<QuickFigure>();
        var raw = new List<double>();
        var group = new List<double>();
        await using (var target = ours())
        {
            using var system = target.CreateSystem();
            await RawInsertScenario.RunAsync(target, 2_000, "warm-raw-").ConfigureAwait(false);
            await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Ours, Actors, 10, "warm-group-").ConfigureAwait(false);
            for (var round = 0; round < Rounds; round++)
            {
                raw.Add(await RawInsertScenario.RunAsync(target, Actors * 100, $"raw{round}-").ConfigureAwait(false));
                group.Add(await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Ours, Actors, 100, $"group{round}-").ConfigureAwait(false));
            }

            var rawRate = Samples.Median(raw);
            figures.Add(new QuickFigure($"{name}: raw multi-row insert, batches of 100", rawRate, "events/s"));
            figures.Add(new QuickFigure($"{name}: ours, Persist, 100 actors x 1 in flight", Samples.Median(group), "events/s",
                Samples.Median([.. group.Select((rate, round) => rate / raw[round])]), ">= 20,000"));
            figures.Add(new QuickFigure($"{name}: ours, recovery 1 actor x 10,000 events", await RecoveryRateAsync(system, PersistenceTarget.Ours, Rounds).ConfigureAwait(false),
                "events/s", Target: $">= {recoveryTarget:N0}"));
            var latency = await PersistScenario.PersistLatencyAsync(system, PersistenceTarget.Ours, 500, "latency").ConfigureAwait(false);
            figures.Add(new QuickFigure($"{name}: ours, Persist latency 1 actor, median", latency[latency.Length / 2], "us"));
            figures.Add(new QuickFigure($"{name}: ours, Persist latency 1 actor, p99", latency[(int)(latency.Length * 0.99)], "us"));
            var storm = Enumerable.Range(0, 1_000).Select(a => $"storm-{a}").ToList();
            foreach (var id in storm)
            {
                await RecoveryScenario.SeedAsync(system, PersistenceTarget.Ours, id, 100).ConfigureAwait(false);
            }

            var seconds = await RecoveryScenario.RecoverAllAsync(system, PersistenceTarget.Ours, storm).ConfigureAwait(false);
            figures.Add(new QuickFigure($"{name}: ours, recovery 1,000 actors x 100 events at once", seconds * 1_000, "ms"));

            await using (var aps = apsDefault())
            {
                figures.AddRange(await MeasureApsAsync($"{name}: Akka.Persistence.Sql defaults", aps, "", rawRate, apsEvents).ConfigureAwait(false));
            }

            await using (var aps = ours())
            {
                figures.AddRange(await MeasureApsAsync($"{name}: Akka.Persistence.Sql best", aps, apsBest, rawRate, apsEvents).ConfigureAwait(false));
            }
        }

        return figures;
    }

    /// <summary>Akka.Persistence.Sql on a fresh database: 100 actors x <paramref name="events"/> (few on SQLite, where it is slow, to keep the run short) and recovery.</summary>
    private static async Task<List<QuickFigure>> MeasureApsAsync(string label, PersistenceTarget target, string settings, double rawRate, int events)
    {
        using var system = target.CreateSystem(settings);
        await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, Actors, 2, "warm-aps-").ConfigureAwait(false);
        var rate = await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, Actors, events, "aps-").ConfigureAwait(false);
        return
        [
            new QuickFigure($"{label}, Persist, 100 actors", rate, "events/s", rate / rawRate),
            new QuickFigure($"{label}, recovery 10,000 events", await RecoveryRateAsync(system, PersistenceTarget.Aps, 1).ConfigureAwait(false), "events/s"),
        ];
    }

    private static async Task<double> RecoveryRateAsync(Akka.Actor.ActorSystem system, string journal, int rounds)
    {
        await RecoveryScenario.SeedAsync(system, journal, "recover", RecoveryEvents).ConfigureAwait(false);
        var rates = new List<double>();
        for (var round = 0; round < rounds + 1; round++)
        {
            rates.Add(await RecoveryScenario.RecoverAsync(system, journal, "recover", RecoveryEvents).ConfigureAwait(false));
        }

        // The first recovery warms the read path up and is left out.
        return Samples.Median(rates.Skip(1));
    }
}
