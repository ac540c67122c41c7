using FundingArb.Benchmarks.Quick;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// The Akka.Persistence.Sql tuning run (<c>./build.sh bench --quick persistence-aps</c>): each variant of
/// <see cref="ApsTuning.Variants"/> on a fresh database, 100 actors persisting 5 events each one at a time (it is slow), beside the raw
/// insert of the same run. Every SQLite variant but the first runs on a file in WAL mode; PostgreSQL runs each setting once.
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
            var variants = store == "sqlite" ? ApsTuning.Variants : ApsTuning.Variants.Where(v => v.Wal);
            double raw;
            await using (var baseline = PersistenceTarget.Create(store))
            {
                await RawInsertScenario.RunAsync(baseline, 2_000, "warm-").ConfigureAwait(false);
                raw = await RawInsertScenario.RunAsync(baseline, 10_000, "raw-").ConfigureAwait(false);
            }

            figures.Add(new QuickFigure($"{store}: raw multi-row insert, batches of 100", raw, "events/s"));
            foreach (var (name, wal, settings) in variants)
            {
                await using var target = store == "sqlite" ? PersistenceTarget.Sqlite(wal) : PersistenceTarget.Create(store);
                using var system = target.CreateSystem(settings);
                await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, 100, 2, "warm-").ConfigureAwait(false);
                var rate = await PersistScenario.PersistGroupAsync(system, PersistenceTarget.Aps, 100, 5, "aps-").ConfigureAwait(false);
                figures.Add(new QuickFigure($"{store}: Akka.Persistence.Sql {(store == "sqlite" ? name : name.Replace(" (WAL file)", "", StringComparison.Ordinal))}", rate, "events/s", rate / raw));
            }
        }

        return figures;
    }
}
