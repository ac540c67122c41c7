using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FundingArb.Node.Tests.Hosting;

/// A pair opened the way an operator opens one, through the API with the write token. WithoutController is the node's
/// environment for tests that need an open pair and nothing else: whether the demo's markets offer the controller an
/// edge within minutes depends on the hour the node starts, and such tests must not.
internal static class OperatorPair
{
    public static IReadOnlyDictionary<string, string?> WithoutController { get; } =
        new Dictionary<string, string?> { ["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0" };

    /// A client for the node's API that carries the write token.
    public static HttpClient Writer(NodeProcess node)
    {
        var writer = new HttpClient { BaseAddress = node.BaseAddress };
        writer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", RunningNode.Token);
        return writer;
    }

    /// Creates the pair through writer (with the write token) and returns its executor id.
    public static async Task<string> CreateAsync(HttpClient writer, string asset, (string Venue, string Symbol) longLeg, (string Venue, string Symbol) shortLeg,
        decimal sizeQuote)
    {
        using var created = await writer.PostAsJsonAsync("/api/v1/executors", new
        {
            asset, long_venue = longLeg.Venue, long_symbol = longLeg.Symbol, short_venue = shortLeg.Venue, short_symbol = shortLeg.Symbol, quote = "USDT",
            size_quote = sizeQuote,
        });
        var body = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, $"the pair was refused ({created.StatusCode}): {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("executor_id").GetString()!;
    }

    /// The demo's BTC pair, long alpha and short beta, at 10,000 a leg.
    public static async Task<string> CreateBtcAsync(NodeProcess node)
    {
        using var writer = Writer(node);
        return await CreateAsync(writer, "BTC", ("alpha", "BTCUSDT"), ("beta", "BTCUSDT"), 10_000m);
    }
}
