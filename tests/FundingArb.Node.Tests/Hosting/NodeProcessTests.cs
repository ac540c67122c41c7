using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;

namespace FundingArb.Node.Tests.Hosting;

// The node in its own process, as a user runs it: real sockets, real signals, the SQLite journal and the venues'
// saved state in one data folder, restarted the way a crash or a deploy restarts it.
public sealed class NodeProcessTests : TestKit
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(60);
    private readonly string _data = RunningNode.NewDataDirectory();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_terminated_node_exits_0_and_the_next_start_resumes_every_executor_sending_nothing_twice()
    {
        List<(string Id, string Phase)> before;
        await using (var node = NodeProcess.Start(_data, speed: 60, OperatorPair.WithoutController))
        {
            var open = await WaitForOpenPairAsync(node);
            Assert.Contains("is running", node.Output, StringComparison.Ordinal);
            before = await ExecutorsAsync(node);
            Assert.Contains(before, e => e.Id == open);
            await AssertTakerSizedFeesAsync(node);

            node.Terminate();

            Assert.Equal(0, await node.WaitForExitAsync(TimeSpan.FromSeconds(60)));
            Assert.Contains("journal flushed and venue state saved", node.Output, StringComparison.Ordinal);
            AssertPairLinesCarryThePair(open);
        }

        await using (var node = NodeProcess.Start(_data, speed: 60, OperatorPair.WithoutController))
        {
            await WaitForReadyAsync(node);
            await AwaitAssertAsync(async () =>
            {
                var after = await ExecutorsAsync(node);
                Assert.Superset(before.Select(e => e.Id).ToHashSet(), after.Select(e => e.Id).ToHashSet());
            }, s_start);
            await AssertNoDuplicateOrdersAsync(node);
        }
    }

    [Fact]
    public async Task A_killed_node_loses_nothing_it_persisted_and_ends_hedged()
    {
        string open;
        await using (var node = NodeProcess.Start(_data, speed: 60, OperatorPair.WithoutController))
        {
            open = await WaitForOpenPairAsync(node);
            node.Kill();
            await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await using (var node = NodeProcess.Start(_data, speed: 60, OperatorPair.WithoutController))
        {
            await WaitForReadyAsync(node);
            await AwaitAssertAsync(async () => Assert.Contains(await ExecutorsAsync(node), e => e.Id == open), s_start);
            await AwaitAssertAsync(async () =>
            {
                var dashboard = await GetAsync(node, "/api/v1/dashboard");
                Assert.All(dashboard.GetProperty("pairs").EnumerateArray().Where(p => p.GetProperty("phase").GetString() == "Open"),
                    p => Assert.Equal(p.GetProperty("long_quantity").GetDecimal(), -p.GetProperty("short_quantity").GetDecimal(), 2));
            }, s_start);
            await AssertNoDuplicateOrdersAsync(node);
        }
    }

    [Fact]
    public async Task A_second_node_on_the_same_data_folder_is_refused()
    {
        await using var first = await RunningNode.StartInProcessAsync(dataDirectory: _data);

        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => RunningNode.StartInProcessAsync(dataDirectory: _data));

        Assert.Contains("in use by another node", second.Message, StringComparison.Ordinal);
        Assert.True(first.Runtime.IsReady);
    }

    [Fact]
    public async Task A_bad_configuration_stops_the_node_with_the_key_and_exit_code_1()
    {
        var file = Path.Combine(_data, "bad.conf");
        await File.WriteAllTextAsync(file, "fundingarb.node.http.porrt = 1\n");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"));
        start.ArgumentList.Add("--config");
        start.ArgumentList.Add(file);
        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("bad.conf:1", error, StringComparison.Ordinal);
        Assert.Contains("fundingarb.node.http.porrt", error, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
            Directory.Delete(_data, recursive: true);
        }

        base.Dispose(disposing);
    }

    private async Task<string> WaitForOpenPairAsync(NodeProcess node)
    {
        await WaitForReadyAsync(node);
        var open = await OperatorPair.CreateBtcAsync(node);
        await AwaitAssertAsync(async () => Assert.Contains((open, "Open"), await ExecutorsAsync(node)), s_start, TimeSpan.FromMilliseconds(200));
        return open;
    }

    private Task WaitForReadyAsync(NodeProcess node) => AwaitAssertAsync(async () =>
    {
        Assert.False(node.HasExited, node.Output);
        var response = await _http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"));
        Assert.True(response.IsSuccessStatusCode);
    }, s_start, TimeSpan.FromMilliseconds(200));

    private async Task<List<(string Id, string Phase)>> ExecutorsAsync(NodeProcess node) =>
        [.. (await GetAsync(node, "/api/v1/executors")).EnumerateArray().Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("phase").GetString()!))];

    // Both legs' fees stay within two taker fees of the size, once the dashboard's next snapshot shows the pair.
    private Task AssertTakerSizedFeesAsync(NodeProcess node) => AwaitAssertAsync(async () =>
    {
        var active = (await GetAsync(node, "/api/v1/dashboard")).GetProperty("pairs").EnumerateArray()
            .Where(p => p.GetProperty("phase").GetString() != "Closed").ToList();
        Assert.NotEmpty(active);
        Assert.All(active, p => Assert.InRange(p.GetProperty("fees_quote").GetDecimal(), 0m, p.GetProperty("size_quote").GetDecimal() * 2m * 0.0006m));
    }, s_start, TimeSpan.FromMilliseconds(200));

    private void AssertPairLinesCarryThePair(string executorId)
    {
        var lines = Directory.GetFiles(Path.Combine(_data, "logs"), "*.json").SelectMany(File.ReadAllLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("RenderedMessage").GetString()!.StartsWith($"\"{executorId}\": both legs filled", StringComparison.Ordinal))
            .ToList();
        var properties = Assert.Single(lines).GetProperty("Properties");
        Assert.Equal(executorId, properties.GetProperty("ExecutorId").GetString());
        Assert.Matches("^[A-Z]+/USD[TC]$", properties.GetProperty("Symbol").GetString());
        Assert.StartsWith("alpha:", properties.GetProperty("LongVenue").GetString(), StringComparison.Ordinal);
        Assert.Contains(":", properties.GetProperty("ShortVenue").GetString(), StringComparison.Ordinal);
    }

    private async Task AssertNoDuplicateOrdersAsync(NodeProcess node)
    {
        var orders = (await GetAsync(node, "/api/v1/orders?page_size=500")).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("client_order_id").GetString()).ToList();
        Assert.NotEmpty(orders);
        Assert.Equal(orders.Count, orders.Distinct().Count());
    }

    private async Task<JsonElement> GetAsync(NodeProcess node, string path) =>
        await _http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseAddress, path));
}
