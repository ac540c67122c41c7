using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Configuration;
using FundingArb.Node.Tests.Hosting;

namespace FundingArb.Node.Tests.Safety;

// Real node processes on one data folder, restarted with a configuration that lost a venue a pair still holds: the
// node refuses to start unless told to list such pairs as stranded, and then it trades nothing on them and does not
// restart them in a loop.
public sealed class StrandedStartTests : TestKit
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(60);
    private readonly string _data = RunningNode.NewDataDirectory();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_lost_venue_a_pair_holds_stops_the_start_naming_both_and_allow_stranded_lists_the_pair_with_its_open_leg()
    {
        const string Pair = "pair-ETH-alpha-gamma-1";
        await using (var node = NodeProcess.Start(_data, speed: 60))
        {
            await WaitForReadyAsync(node);
            var created = await Writer(node).PostAsJsonAsync(new Uri(node.BaseAddress, "/api/v1/executors"), new
            {
                asset = "ETH", long_venue = "alpha", long_symbol = "ETHUSDT", short_venue = "gamma", short_symbol = "ETH", quote = "USDT", size_quote = 3000m,
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            await AwaitAssertAsync(async () => Assert.Equal("Open", (await PairAsync(node, Pair)).GetProperty("phase").GetString()), s_start);
            node.Terminate();
            Assert.Equal(0, await node.WaitForExitAsync(s_start));
        }

        var withoutGamma = WriteConfigWithoutGamma();
        await using (var refused = NodeProcess.Start(_data, speed: 60, "--config", withoutGamma))
        {
            Assert.Equal(1, await refused.WaitForExitAsync(s_start));
            Assert.Contains($"{Pair} holds gamma (long ", refused.Output, StringComparison.Ordinal);
            Assert.Contains("--allow-stranded", refused.Output, StringComparison.Ordinal);
        }

        await using var stranded = NodeProcess.Start(_data, speed: 60, "--config", withoutGamma, "--allow-stranded");
        await WaitForReadyAsync(stranded);
        await AwaitAssertAsync(async () => Assert.Equal("stranded", (await PairAsync(stranded, Pair)).GetProperty("halt").GetProperty("kind").GetString()), s_start);
        var pair = await PairAsync(stranded, Pair);
        Assert.StartsWith("gamma is not configured on this node", pair.GetProperty("halt").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(pair.GetProperty("long_quantity").GetDecimal() > 0m);
        var alphaLeg = await _http.GetFromJsonAsync<JsonElement>(new Uri(stranded.BaseAddress, "/api/v1/positions/alpha/ETHUSDT"));
        Assert.Equal(pair.GetProperty("long_quantity").GetDecimal(), alphaLeg.GetProperty("size").GetDecimal());
        Assert.DoesNotContain("starting it again", stranded.Output, StringComparison.Ordinal);
        Assert.False(stranded.HasExited);
    }

    [Fact]
    public async Task A_data_folder_that_is_a_file_exits_1_naming_the_option()
    {
        var file = Path.Combine(_data, "not-a-folder");
        await File.WriteAllTextAsync(file, "");

        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"), "--data", file })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        Assert.Equal($"--data {file}: is a file; the data folder must be a folder", error.Trim());
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

    /// hocon/node.conf without the venue gamma and its markets.
    private string WriteConfigWithoutGamma()
    {
        var text = File.ReadAllText(NodeConfigLoader.FindDefaultFile());
        var venueStart = text.IndexOf("        {\n          name = gamma", StringComparison.Ordinal);
        var venueEnd = text.IndexOf("      ]\n\n      # Rates are per", StringComparison.Ordinal);
        Assert.True(venueStart > 0 && venueEnd > venueStart, "hocon/node.conf no longer has the layout this test edits");
        var lines = (text[..venueStart] + text[venueEnd..]).Split('\n').ToList();
        for (var i = lines.FindIndex(l => l.Contains("venue = gamma", StringComparison.Ordinal)); i >= 0; i = lines.FindIndex(l => l.Contains("venue = gamma", StringComparison.Ordinal)))
        {
            lines.RemoveRange(i, 3);
        }

        var path = Path.Combine(_data, "without-gamma.conf");
        File.WriteAllText(path, string.Join('\n', lines));
        return path;
    }

    private HttpClient Writer(NodeProcess node)
    {
        _http.DefaultRequestHeaders.Authorization ??= new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", RunningNode.Token);
        return _http;
    }

    private Task WaitForReadyAsync(NodeProcess node) => AwaitAssertAsync(async () =>
    {
        Assert.False(node.HasExited, node.Output);
        var response = await _http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"));
        Assert.True(response.IsSuccessStatusCode);
    }, s_start, TimeSpan.FromMilliseconds(200));

    private async Task<JsonElement> PairAsync(NodeProcess node, string id) =>
        (await _http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseAddress, "/api/v1/executors"))).EnumerateArray().Single(e => e.GetProperty("id").GetString() == id);
}
