using System.Collections;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Benchmarks.Quick;
using FundingArb.Node.Configuration;
using FundingArb.Node.Dashboard;
using FundingArb.Node.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace FundingArb.Benchmarks.Node;

/// The node's figures, on Kestrel over loopback: start (from building the application to the dashboard served and
/// every executor recovered) with a 10,000-event journal against an empty one; API latency with 1,000 executors
/// against /api/v1/health on the same server; the dashboard with 200 pairs open (snapshot build, page data).
internal sealed class NodeQuickBenchmark : IQuickBenchmark
{
    private const int Runs = 3;
    private const int Requests = 200;

    public string Area => "node";

    public IEnumerable<QuickFigure> Run() => RunAsync().GetAwaiter().GetResult();

    private static async Task<List<QuickFigure>> RunAsync()
    {
        var figures = new List<QuickFigure>();
        using var folders = new DataFolders();
        var seeded = folders.Create();
        await NodeJournalSeed.WriteAsync(seeded, executors: 50, eventsPerExecutor: 200);
        var empty = folders.Create();
        await NodeJournalSeed.WriteAsync(empty, executors: 0, eventsPerExecutor: 0);
        await StartAsync(folders.Copy(empty), 0);
        var withJournal = new List<double>();
        var baseline = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            baseline.Add(await StartAsync(folders.Copy(empty), 0));
            withJournal.Add(await StartAsync(folders.Copy(seeded), 50));
        }

        figures.Add(new QuickFigure("start to dashboard served, 10,000 events recovered", Samples.Median(withJournal), "ms", Samples.Median(withJournal) / Samples.Median(baseline), "< 3000 ms"));
        figures.Add(new QuickFigure("start to dashboard served, empty journal (baseline)", Samples.Median(baseline), "ms"));

        var thousand = folders.Create();
        await NodeJournalSeed.WriteAsync(thousand, executors: 1_000, eventsPerExecutor: 16);
        figures.AddRange(await ApiLatencyAsync(thousand));
        figures.AddRange(await LivePairsAsync(folders.Create(), pairs: 200));
        return figures;
    }

    private static async Task<double> StartAsync(string data, int executors)
    {
        var started = Stopwatch.GetTimestamp();
        await using var app = NodeApplication.Create(Settings(data, speed: 1));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = Address(app) };
        (await http.GetAsync(new Uri("/", UriKind.Relative))).EnsureSuccessStatusCode();
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/dashboard")).GetProperty("pairs").GetArrayLength() < executors)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await app.StopAsync();
        return elapsed;
    }

    private static async Task<List<QuickFigure>> ApiLatencyAsync(string data)
    {
        await using var app = NodeApplication.Create(Settings(data, speed: 1));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = Address(app) };
        while ((await http.GetFromJsonAsync<JsonElement>("/api/v1/executors")).GetArrayLength() < 1_000)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        var health = await LatenciesAsync(http, "/api/v1/health");
        var figures = new List<QuickFigure>();
        foreach (var path in new[] { "/api/v1/executors", "/api/v1/performance", "/api/v1/statistics", "/api/v1/orders?page_size=100" })
        {
            var latencies = await LatenciesAsync(http, path);
            figures.Add(new QuickFigure($"GET {path}, 1,000 executors, p99", Percentile(latencies, 0.99), "ms", Percentile(latencies, 0.99) / Percentile(health, 0.99), "p99 < 10 ms"));
            figures.Add(new QuickFigure($"GET {path}, 1,000 executors, median", Percentile(latencies, 0.5), "ms"));
        }

        figures.Add(new QuickFigure("GET /api/v1/health p99 (baseline)", Percentile(health, 0.99), "ms"));
        await app.StopAsync();
        return figures;
    }

    private static async Task<List<QuickFigure>> LivePairsAsync(string data, int pairs)
    {
        // Only the two directions that earn (beta pays the most): a pair the other way fails its pre-flight.
        (string Long, string Short)[] directions = [("alpha", "beta"), ("gamma", "beta")];
        var assets = (pairs / directions.Length) + 1;
        await using var app = NodeApplication.Create(Settings(data, speed: 60, openPairs: pairs, configFile: ManyMarketsConfig.Write(data, assets)));
        await app.StartAsync();
        var runtime = app.Services.GetRequiredService<NodeRuntime>();
        for (var i = 0; i < pairs; i++)
        {
            var (longVenue, shortVenue) = directions[i % directions.Length];
            var asset = $"A{i / directions.Length}";
            var answer = await runtime.CommandAsync(new CreateExecutor(asset, longVenue, $"{asset}USDT", shortVenue, $"{asset}USDT", "USDT", 200m), CancellationToken.None);
            if (answer is not ExecutorCreated)
            {
                throw new InvalidOperationException($"pair {i} was not created: {answer}");
            }
        }

        var deadline = Stopwatch.GetTimestamp();
        while ((await runtime.GetExecutorsAsync(CancellationToken.None)).Count(r => r.Phase == PairPhase.Open) < pairs)
        {
            if (Stopwatch.GetElapsedTime(deadline) > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException($"{pairs} pairs did not all open within 60 s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }

        var feed = app.Services.GetRequiredService<DashboardFeed>();
        var builds = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await feed.BuildAsync(CancellationToken.None);
            builds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        using var http = new HttpClient { BaseAddress = Address(app) };
        var page = await LatenciesAsync(http, "/api/v1/dashboard");
        await app.StopAsync();
        return
        [
            new QuickFigure($"dashboard snapshot build, {pairs} pairs open, median", Percentile(builds, 0.5), "ms"),
            new QuickFigure($"dashboard snapshot build, {pairs} pairs open, p99", Percentile(builds, 0.99), "ms", null, "well under the 1 s push"),
            new QuickFigure($"GET /api/v1/dashboard, {pairs} pairs open, p99", Percentile(page, 0.99), "ms"),
        ];
    }

    private static async Task<List<double>> LatenciesAsync(HttpClient http, string path)
    {
        for (var i = 0; i < 20; i++)
        {
            (await http.GetAsync(new Uri(path, UriKind.Relative))).EnsureSuccessStatusCode();
        }

        var latencies = new List<double>(Requests);
        for (var i = 0; i < Requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            response.EnsureSuccessStatusCode();
        }

        return latencies;
    }

    /// The node's configuration on the data folder; with openPairs, the controller opens no pair of its own and the risk
    /// gate lets that many be open at once (the benchmark opens them).
    private static NodeSettings Settings(string data, double speed, int? openPairs = null, string? configFile = null)
    {
        var environment = new Hashtable
        {
            ["CONFIG_FORCE_fundingarb_node_http_port"] = "0",
            ["CONFIG_FORCE_fundingarb_node_http_api__token"] = "benchmark-token-000000",
            ["CONFIG_FORCE_fundingarb_node_logging_console__level"] = "Warning",
            ["CONFIG_FORCE_fundingarb_node_logging_file__level"] = "Warning",
            ["CONFIG_FORCE_akka_loglevel"] = "WARNING",
        };
        if (openPairs is { } pairs)
        {
            environment["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0";
            environment["CONFIG_FORCE_fundingarb_risk_max__open__pairs"] = pairs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return NodeConfigLoader.Load(new NodeRunOptions(configFile ?? NodeConfigLoader.FindDefaultFile(), speed, data), environment);
    }

    private static Uri Address(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    private static double Percentile(List<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
    }

    /// The data folders of one run, under one temporary folder removed at the end (journals, venues, logs).
    private sealed class DataFolders : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("fundingarb-bench-node-").FullName;
        private int _created;

        public string Create() => Directory.CreateDirectory(Path.Combine(_root, (++_created).ToString(System.Globalization.CultureInfo.InvariantCulture))).FullName;

        /// A new folder holding the files of data (a journal to start from).
        public string Copy(string data)
        {
            var copy = Create();
            foreach (var file in Directory.GetFiles(data))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            return copy;
        }

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_root, recursive: true);
        }
    }
}
