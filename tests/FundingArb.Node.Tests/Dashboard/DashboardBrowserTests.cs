using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using FundingArb.Node.Tests.Hosting;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FundingArb.Node.Tests.Dashboard;

// The dashboard in a real Chromium against a real node: the page served at /, its first snapshot from
// /api/v1/dashboard, then the server-sent events of /api/v1/stream. Every wait is one of Playwright's polling
// assertions, so the test takes as long as the node needs and no longer.
public sealed class DashboardBrowserTests : Akka.TestKit.Xunit2.TestKit
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private const float SnapshotTimeoutMs = 30_000;

    private static readonly string[] s_economics =
        ["funding_quote", "fees_quote", "slippage_quote", "basis_quote", "net_quote", "round_trips", "fee_to_funding_ratio", "oracle_quote", "capture_ratio"];

    // Polled in the page (Playwright polls only a synchronous predicate, so each poll starts the next fetch of
    // /api/v1/performance and compares the last answer): the API's economics, once a pair has entered and every figure of
    // the panel carries the same value (both change only when an executor records something or a venue settles funding),
    // with the texts shown at that moment.
    private const string PanelMatchingTheApi = """
        (fields) => {
          if (!window.economicsFetch) {
            window.economicsFetch = fetch("/api/v1/performance", { cache: "no-store" })
              .then((response) => response.json())
              .then((performance) => { window.economicsAnswer = performance.economics; })
              .finally(() => { window.economicsFetch = null; });
          }
          const api = window.economicsAnswer;
          if (!api || !(api.round_trips >= 1)) return false;
          const shown = {};
          for (const field of fields) {
            const figure = document.querySelector(`#economics [data-economics="${field}"]`);
            if (!figure || figure.dataset.value !== String(api[field])) return false;
            shown[field] = figure.querySelector(".value").textContent;
          }
          return { api, shown };
        }
        """;

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
        await OpenBtcPairAsync(node);
        var firstPair = page.Locator("#pairs [data-pair-id]").First;
        await Expect(firstPair).ToBeVisibleAsync(new() { Timeout = SnapshotTimeoutMs });
        await Expect(firstPair).ToHaveAttributeAsync("data-pair-id", new Regex(@"\S"));
        await Expect(page.Locator("#events [data-kind]").First).ToBeVisibleAsync(new() { Timeout = SnapshotTimeoutMs });
        await Expect(page.Locator("#execution [data-kpi='orders']")).ToBeVisibleAsync();
        await AssertEconomicsPanelShowsTheApisFiguresAsync(page);

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

    private static async Task AssertEconomicsPanelShowsTheApisFiguresAsync(IPage page)
    {
        await Expect(page.Locator("#economics [data-economics]")).ToHaveCountAsync(s_economics.Length, new() { Timeout = SnapshotTimeoutMs });
        var match = await page.WaitForFunctionAsync(PanelMatchingTheApi, s_economics, new() { Timeout = SnapshotTimeoutMs * 2, PollingInterval = 250 });

        var figures = await match.JsonValueAsync<JsonElement>();
        var api = figures.GetProperty("api");
        var shown = figures.GetProperty("shown");
        Assert.Equal(api.GetProperty("round_trips").GetInt32().ToString(CultureInfo.InvariantCulture), shown.GetProperty("round_trips").GetString());
        foreach (var money in new[] { "funding_quote", "fees_quote", "slippage_quote", "basis_quote", "net_quote", "oracle_quote" })
        {
            // Two decimals on the page.
            var value = api.GetProperty(money).GetDecimal();
            Assert.InRange(ShownNumber(shown, money)!.Value, value - 0.005m, value + 0.005m);
        }

        foreach (var ratio in new[] { "fee_to_funding_ratio", "capture_ratio" })
        {
            // A percentage with one decimal, a dash when the API has none.
            var value = api.GetProperty(ratio);
            var expected = value.ValueKind == JsonValueKind.Null ? (decimal?)null : value.GetDecimal() * 100m;
            Assert.Equal(expected is null, ShownNumber(shown, ratio) is null);
            if (expected is { } percent)
            {
                Assert.InRange(ShownNumber(shown, ratio)!.Value, percent - 0.05m, percent + 0.05m);
            }
        }
    }

    /// The number in a figure's text (1,234.56USDT, −0.12USDT, 27.3%), or null for a dash.
    private static decimal? ShownNumber(JsonElement shown, string field)
    {
        var digits = Regex.Replace(shown.GetProperty(field).GetString()!.Replace('\u2212', '-'), @"[^0-9.+-]", "");
        return digits.Length == 0 ? null : decimal.Parse(digits, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    // Whether the demo's markets offer the controller an edge within minutes depends on the hour the node starts, so the
    // test opens a pair itself, as an operator would; the controller may have opened the same one first, which is as good.
    private async Task OpenBtcPairAsync(RunningNode node)
    {
        using var writer = node.CreateClient(authorized: true);
        await AwaitAssertAsync(async () =>
        {
            using var created = await writer.PostAsJsonAsync("/api/v1/executors", new
            {
                asset = "BTC", long_venue = "alpha", long_symbol = "BTCUSDT", short_venue = "beta", short_symbol = "BTCUSDT", quote = "USDT",
                size_quote = 10_000m,
            });
            var answer = await created.Content.ReadAsStringAsync();
            Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created || answer.Contains("already trades this pair", StringComparison.Ordinal), answer);
        }, TimeSpan.FromMilliseconds(SnapshotTimeoutMs), TimeSpan.FromMilliseconds(500));
    }

    private static async Task<IReadOnlyList<string>> VenueNamesAsync(Uri baseAddress)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        using var snapshot = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/v1/dashboard", UriKind.Relative)));
        return [.. snapshot.RootElement.GetProperty("venues").EnumerateArray().Select(v => v.GetProperty("venue").GetString() ?? "")];
    }
}
