using System.Globalization;

namespace FundingArb.Benchmarks.Quick;

internal static class QuickRunner
{
    public static int Run(string[] areaFilter, TextWriter output)
    {
        var benchmarks = typeof(QuickRunner).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(IQuickBenchmark).IsAssignableFrom(t))
            .Select(t => (IQuickBenchmark)Activator.CreateInstance(t, nonPublic: true)!)
            .Where(b => areaFilter.Length == 0 || areaFilter.Contains(b.Area, StringComparer.OrdinalIgnoreCase))
            .OrderBy(b => b.Area, StringComparer.Ordinal)
            .ToList();

        output.WriteLine($"{"area",-12} {"figure",-52} {"value",16} {"unit",-10} {"ratio",8}  target");
        foreach (var benchmark in benchmarks)
        {
            foreach (var figure in benchmark.Run())
            {
                var ratio = figure.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{benchmark.Area,-12} {figure.Name,-52} {figure.Value,16:N1} {figure.Unit,-10} {ratio,8}  {figure.Target}"));
                output.Flush();
            }
        }

        return 0;
    }
}
