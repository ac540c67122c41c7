using FundingArb.Benchmarks.Quick;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// The Akka.Persistence.Sql tuning run (<c>./build.sh bench --quick persistence-aps</c>): each variant of
/// <see cref="ApsTuning.Variants"/> on a fresh database, 100 actors persisting one event at a time, beside the raw
/// insert of the same run. WAL applies to SQLite only (PostgreSQL variants differ in their settings alone).
/// </summary>
internal sealed class ApsTuningQuickBenchmark : IQuickBenchmark
{
    public string Area => "persistence-aps";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<IEnumerable<QuickFigure>> RunAsync()
    {
        var figures = new List<QuickFigure>();
        var stores = PersistenceTarget.PostgreSqlConnectionString is null ? new[] { "sqlite" } : ["sqlite", "postgresql"];
        foreach (var store in stores)
        {
            double raw;
            await using (var baseline = PersistenceTarget.Create(store))
            {
                await RawInsertScenario.RunAsync(baseline, 2_000, "warm-").ConfigureAwait(false);
                raw = await RawInsertScenario.RunAsync(baseline, 10_000, "raw-").ConfigureAwait(false);
            }

            figures.Add(new QuickFigure($"{store}: raw multi-row insert, batches of 100", raw, "events/s"));
            foreach (var (name, wal, settings) in ApsTuning.Variants)
            {
                await using var target = store == "sqlite" ? PersistenceTarget.Sqlite(wal) : PersistenceTarget.Create(store);
                using var system = target.CreateSystem(settings);
                await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, 100, 2, "warm-").ConfigureAwait(false);
                var rate = await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, 100, 20, "aps-").ConfigureAwait(false);
                figures.Add(new QuickFigure($"{store}: Akka.Persistence.Sql {name}", rate, "events/s", rate / raw));
            }
        }

        return figures;
    }
}
