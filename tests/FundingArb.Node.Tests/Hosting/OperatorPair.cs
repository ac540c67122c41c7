using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace FundingArb.Node.Tests.Hosting;

/// A BTC pair (long alpha, short beta) opened the way an operator opens one, through the API, on a node whose
/// controller proposes none (max-pairs = 0): whether the demo's markets offer an edge within minutes depends on the
/// hour the node starts, and the tests that only need an open pair must not.
internal static class OperatorPair
{
    public static IReadOnlyDictionary<string, string?> WithoutController { get; } =
        new Dictionary<string, string?> { ["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0" };

    /// Creates the pair and returns its executor id.
    public static async Task<string> CreateAsync(HttpClient http, NodeProcess node)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(node.BaseAddress, "/api/v1/executors"))
        {
            Content = JsonContent.Create(new
            {
                asset = "BTC", long_venue = "alpha", long_symbol = "BTCUSDT", short_venue = "beta", short_symbol = "BTCUSDT", quote = "USDT",
                size_quote = 10_000m,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", RunningNode.Token);
        using var created = await http.SendAsync(request);
        var body = await created.Content.ReadAsStringAsync();
        if (created.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"the pair was refused ({created.StatusCode}): {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("executor_id").GetString()!;
    }
}
