using FundingArb.Benchmarks.Quick;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// The persistence figures in one pass, on SQLite and (when <c>FUNDINGARB_TEST_PG</c> names a server) on
/// PostgreSQL: the raw batched-insert limit and 100 actors persisting one event at a time, measured
/// alternately seven times each (medians; the ratio is the median of each round's ratio, since fsync latency on a shared disk drifts); single-actor Persist latency; recovery of one actor with 10,000
/// events; and 1,000 actors × 100 events recovering at once.
/// </summary>
internal sealed class PersistenceQuickBenchmark : IQuickBenchmark
{
    private const int Rounds = 7;
    private const int GroupActors = 100;

    public string Area => "persistence";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<IEnumerable<QuickFigure>> RunAsync()
    {
        var figures = new List<QuickFigure>();
        await using (var sqlite = PersistenceTarget.Sqlite())
        {
            figures.AddRange(await MeasureAsync(sqlite, eventsPerActor: 100, latencyEvents: 1_000, recoveryTarget: 300_000).ConfigureAwait(false));
        }

        if (PersistenceTarget.PostgreSqlConnectionString is { } connectionString)
        {
            await using var postgres = PersistenceTarget.PostgreSql(connectionString);
            figures.AddRange(await MeasureAsync(postgres, eventsPerActor: 100, latencyEvents: 500, recoveryTarget: 100_000).ConfigureAwait(false));
        }
        else
        {
            figures.Add(new QuickFigure("postgresql: not measured, FUNDINGARB_TEST_PG unset (SQLite only)", 0, "-"));
        }

        return figures;
    }

    private static async Task<List<QuickFigure>> MeasureAsync(PersistenceTarget target, int eventsPerActor, int latencyEvents, double recoveryTarget)
    {
        var name = target.Name;
        var figures = new List<QuickFigure>();
        var system = target.CreateSystem();
        await using var _ = system.ConfigureAwait(false);

        var events = GroupActors * eventsPerActor;
        await RawInsertScenario.RunAsync(target, events, "warm-raw-").ConfigureAwait(false);
        await PersistScenario.PersistGroupAsync(system, name, GroupActors, eventsPerActor / 4, "warm-group-").ConfigureAwait(false);
        var raw = new List<double>();
        var group = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            raw.Add(await RawInsertScenario.RunAsync(target, events, $"raw{round}-").ConfigureAwait(false));
            group.Add(await PersistScenario.PersistGroupAsync(system, name, GroupActors, eventsPerActor, $"group{round}-").ConfigureAwait(false));
        }

        var ratio = Samples.Median([.. group.Select((rate, round) => rate / raw[round])]);
        figures.Add(new QuickFigure($"{name}: raw multi-row insert, batches of 100", Samples.Median(raw), "events/s"));
        figures.Add(new QuickFigure($"{name}: Persist, 100 actors x 1 in flight", Samples.Median(group), "events/s", ratio, ">= 0.6 of raw"));

        var latency = await PersistScenario.PersistLatencyAsync(system, name, latencyEvents, "latency").ConfigureAwait(false);
        figures.Add(new QuickFigure($"{name}: Persist latency, 1 actor, median", latency[latency.Length / 2], "us"));
        figures.Add(new QuickFigure($"{name}: Persist latency, 1 actor, p99", latency[(int)(latency.Length * 0.99)], "us"));

        await RecoveryScenario.SeedAsync(target, system.Log, "recover", 1, 10_000).ConfigureAwait(false);
        var recoveries = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            recoveries.Add(10_000 / await RecoveryScenario.RecoverAsync(system, name, "recover", 1).ConfigureAwait(false));
        }

        var recoveryRate = Samples.Median(recoveries);
        figures.Add(new QuickFigure($"{name}: recovery, 1 actor x 10,000 events", recoveryRate, "events/s", Target: $">= {recoveryTarget:N0}"));

        await RecoveryScenario.SeedAsync(target, system.Log, "storm-", 1_000, 100).ConfigureAwait(false);
        var storm = await RecoveryScenario.RecoverAsync(system, name, "storm-", 1_000).ConfigureAwait(false);
        figures.Add(new QuickFigure($"{name}: recovery, 1,000 actors x 100 events at once", storm * 1_000, "ms"));
        figures.Add(new QuickFigure($"{name}: recovery storm rate", 100_000 / storm, "events/s"));
        return figures;
    }
}
