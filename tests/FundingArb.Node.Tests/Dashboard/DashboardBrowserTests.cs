using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.RegularExpressions;
using FundingArb.Node.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FundingArb.Node.Tests.Dashboard;

// The dashboard in a real Chromium against a real node: the page served at /, its first snapshot from
// /api/v1/dashboard, then the server-sent events of /api/v1/stream. Every wait is one of Playwright's polling
// assertions, so the test takes as long as the node needs and no longer.
public sealed class DashboardBrowserTests
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // The demo opens its first pair after a scan or two of the market; generous for a loaded 2-core machine.
    private const float FirstPairTimeoutMs = 120_000;
    private const float SnapshotTimeoutMs = 30_000;

    [Fact]
    public async Task Dashboard_OnTheDemoNode_ShowsVenuesAndPairsAndUpdatesWithoutReloadOrConsoleErrors()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: install Debian's chromium (./build.sh test does)");
        await using var node = await RunningNode.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 1000 } });
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Enqueue($"page error: {error}");

        var response = await page.GotoAsync(new Uri(node.BaseAddress, "/").ToString());

        Assert.NotNull(response);
        Assert.True(response.Ok, $"GET / answered {response.Status}");
        var venues = await VenueNamesAsync(node.BaseAddress);
        Assert.Equal(3, venues.Count);
        await Expect(page.Locator("#venues [data-venue]")).ToHaveCountAsync(venues.Count, new() { Timeout = SnapshotTimeoutMs });
        foreach (var venue in venues)
        {
            await Expect(page.Locator($"#venues [data-venue='{venue}'] [data-next-funding]").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#live")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = SnapshotTimeoutMs });
        var firstPair = page.Locator("#pairs [data-pair-id]").First;
        await Expect(firstPair).ToBeVisibleAsync(new() { Timeout = FirstPairTimeoutMs });
        await Expect(firstPair).ToHaveAttributeAsync("data-pair-id", new Regex(@"\S"));
        await Expect(page.Locator("#events [data-kind]").First).ToBeVisibleAsync(new() { Timeout = SnapshotTimeoutMs });
        await Expect(page.Locator("#execution [data-kpi='orders']")).ToBeVisibleAsync();

        // Updates without reload: the market clock moves with the next snapshots of the stream.
        var clock = page.Locator("#clock");
        var before = await clock.TextContentAsync();
        await Expect(clock).Not.ToHaveTextAsync(before ?? "", new() { Timeout = SnapshotTimeoutMs });
        await Expect(page.Locator("#equity-chart")).ToBeVisibleAsync();
        foreach (var section in new[] { "#opportunities", "#positions", "#net-delta" })
        {
            await Expect(page.Locator(section)).Not.ToBeEmptyAsync();
        }

        foreach (var table in new[] { "#pairs", "#positions", "#opportunities", "#net-delta" })
        {
            var overflow = await page.Locator(table).EvaluateAsync<int>("e => e.scrollWidth - e.clientWidth");
            Assert.True(overflow <= 0, $"{table} scrolls sideways by {overflow} px at 1440 px");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryFolder.Root, "docs", "dashboard.png"), FullPage = true });
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors));
    }

    private static async Task<IReadOnlyList<string>> VenueNamesAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var snapshot = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/dashboard", UriKind.Relative)));
        return [.. snapshot.RootElement.GetProperty("venues").EnumerateArray().Select(v => v.GetProperty("venue").GetString() ?? "")];
    }
}
