using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FundingArb.Actors.Orchestration;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Api;

namespace FundingArb.Node.Tests.Safety;

// A pair whose legs are two different assets is naked exposure that looks hedged. Every pair request goes through the
// orchestrator's check against the venues' own instruments before anything is journalled.
public sealed class PairRequestTests(ApiNodeFixture fixture) : TestKit, IClassFixture<ApiNodeFixture>
{
    private readonly HttpClient _reader = fixture.Node.CreateClient();
    private readonly HttpClient _writer = fixture.Node.CreateClient(authorized: true);

    [Fact]
    public async Task A_long_leg_in_another_asset_is_a_400_naming_long_symbol_and_journals_nothing()
    {
        var before = await RegistrationsAsync();

        var response = await _writer.PostAsJsonAsync("/api/v1/executors", Body("ETH", "alpha", "BTCUSDT", "gamma", "ETH", "USDT"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("long_symbol", problem.GetProperty("field").GetString());
        Assert.Equal("long_symbol: BTCUSDT is BTC on alpha, not ETH", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await RegistrationsAsync());
        Assert.DoesNotContain((await GetJsonAsync("/api/v1/executors")).EnumerateArray(), e => e.GetProperty("asset").GetString() == "ETH"
            && e.GetProperty("long_symbol").GetString() == "BTCUSDT");
    }

    // Every (asset, long market, short market) of the three demo venues: 3 assets x 9 markets x 9 markets. Accepted are
    // exactly those whose two markets are on two venues and both trade the asset; each accepted pair journals one
    // registration, each refusal a 400 naming a field and nothing else.
    [Fact]
    public async Task Every_asset_and_market_combination_is_accepted_only_with_both_legs_in_the_asset()
    {
        var markets = (await GetJsonAsync("/api/v1/funding/rates")).EnumerateArray()
            .SelectMany(v => v.GetProperty("markets").EnumerateArray().Select(m =>
                (Venue: v.GetProperty("venue").GetString()!, Symbol: m.GetProperty("symbol").GetString()!, Base: m.GetProperty("asset").GetString()!,
                    Quote: m.GetProperty("quote").GetString()!)))
            .ToList();
        Assert.Equal(9, markets.Count);
        var registrationsBefore = await RegistrationsAsync();
        var accepted = new List<(string Asset, string Id, string LongBase, string ShortBase)>();
        var refusedFields = new HashSet<string>(StringComparer.Ordinal);

        foreach (var asset in new[] { "BTC", "ETH", "SOL" })
        {
            foreach (var (longLeg, shortLeg) in markets.SelectMany(l => markets.Select(s => (l, s))))
            {
                var response = await _writer.PostAsJsonAsync("/api/v1/executors", Body(asset, longLeg.Venue, longLeg.Symbol, shortLeg.Venue, shortLeg.Symbol, longLeg.Quote));
                var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    accepted.Add((asset, answer.GetProperty("executor_id").GetString()!, longLeg.Base, shortLeg.Base));
                    continue;
                }

                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                var field = answer.GetProperty("field").GetString()!;
                Assert.Contains(field, (string[])["long_venue", "short_venue", "long_symbol", "short_symbol"]);
                Assert.StartsWith($"{field}: ", answer.GetProperty("detail").GetString(), StringComparison.Ordinal);
                Assert.False(longLeg.Venue != shortLeg.Venue && longLeg.Base == asset && shortLeg.Base == asset,
                    $"{asset} {longLeg} / {shortLeg} is a hedge but was refused: {answer.GetProperty("detail").GetString()}");
                refusedFields.Add(field);
            }
        }

        Assert.Equal(18, accepted.Count);
        Assert.All(accepted, a => Assert.Equal((a.Asset, a.Asset), (a.LongBase, a.ShortBase)));
        Assert.Equal(registrationsBefore + accepted.Count, await RegistrationsAsync());
        Assert.Superset(new HashSet<string>(StringComparer.Ordinal) { "long_symbol", "short_symbol", "short_venue" }, refusedFields);
        // An executor is listed once its host has started it and it has reported, which follows its creation.
        await AwaitAssertAsync(async () =>
        {
            var listed = (await GetJsonAsync("/api/v1/executors")).EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!);
            Assert.All(accepted, a => Assert.Equal(a.Asset, listed.TryGetValue(a.Id, out var pair) ? pair.GetProperty("asset").GetString() : "not listed"));
        }, TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
            _writer.Dispose();
        }

        base.Dispose(disposing);
    }

    private static object Body(string asset, string longVenue, string longSymbol, string shortVenue, string shortSymbol, string quote) => new
    {
        asset,
        long_venue = longVenue,
        long_symbol = longSymbol,
        short_venue = shortVenue,
        short_symbol = shortSymbol,
        quote,
        size_quote = 2000m,
    };

    private async Task<int> RegistrationsAsync()
    {
        var count = 0;
        await foreach (var envelope in fixture.Node.Runtime.HistoryOf(OrchestratorActor.Id, CancellationToken.None))
        {
            count += envelope.Event is ExecutorRegistered ? 1 : 0;
        }

        return count;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
