using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Api;

namespace FundingArb.Node.Tests.Safety;

// An order typed by hand is checked against the venue's rules before it leaves: a venue would round an off-step
// quantity (one below a step to nothing), refuse a price far from the mark, and open a position with a reduce-only
// order on some venues. Each refusal is a 400 naming the field, and the venue never hears of the order.
public sealed class ManualOrderTests(ApiNodeFixture fixture) : TestKit, IClassFixture<ApiNodeFixture>
{
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(45);
    private readonly HttpClient _reader = fixture.Node.CreateClient();
    private readonly HttpClient _writer = fixture.Node.CreateClient(authorized: true);

    public static TheoryData<string, string, string, string, decimal, decimal?, bool, string> Refusals() => new()
    {
        { "alpha", "DOGEUSDT", "Buy", "Market", 1m, null, false, "symbol" },
        { "alpha", "BTCUSDT", "Buy", "Market", 0.0015m, null, false, "quantity" },
        { "alpha", "BTCUSDT", "Buy", "Market", 0.0004m, null, false, "quantity" },
        { "alpha", "SOLUSDT", "Buy", "Market", 0.01m, null, false, "quantity" },
        { "beta", "ETHUSDT", "Sell", "Limit", 0.01m, 100m, false, "price" },
        { "beta", "ETHUSDT", "Sell", "Limit", 0.01m, null, false, "price" },
        { "gamma", "SOL", "Sell", "Market", 1m, null, true, "reduce_only" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_manual_order_a_venue_would_change_or_refuse_is_a_400_naming_the_field_and_never_sent(string venue, string symbol, string side,
        string type, decimal quantity, decimal? price, bool reduceOnly, string field)
    {
        var simulated = fixture.Node.Runtime.SimulatedVenues.Single(v => v.Id.Value == venue);
        var (orders, rejections) = (simulated.Orders.Length, simulated.Rejections.Length);

        var response = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue, symbol, side, type, quantity, price, reduce_only = reduceOnly });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith($"{field}: ", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((orders, rejections), (simulated.Orders.Length, simulated.Rejections.Length));
    }

    [Fact]
    public async Task A_reduce_only_order_larger_than_the_position_is_a_400_and_one_within_it_closes()
    {
        await FilledAsync(new { venue = "beta", symbol = "SOLUSDT", side = "Sell", type = "Market", quantity = 0.5m });
        var simulated = fixture.Node.Runtime.SimulatedVenues.Single(v => v.Id.Value == "beta");
        var orders = simulated.Orders.Length;

        var tooLarge = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue = "beta", symbol = "SOLUSDT", side = "Buy", type = "Market", quantity = 0.6m, reduce_only = true });
        var growing = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue = "beta", symbol = "SOLUSDT", side = "Sell", type = "Market", quantity = 0.1m, reduce_only = true });

        Assert.Equal("quantity", (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal("reduce_only", (await growing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(orders, simulated.Orders.Length);
        await FilledAsync(new { venue = "beta", symbol = "SOLUSDT", side = "Buy", type = "Market", quantity = 0.5m, reduce_only = true });
        Assert.DoesNotContain((await GetJsonAsync("/api/v1/positions")).EnumerateArray(),
            p => p.GetProperty("venue").GetString() == "beta" && p.GetProperty("symbol").GetString() == "SOLUSDT" && p.GetProperty("size").GetDecimal() != 0m);
    }

    // Long BTC on alpha against short ETH on gamma "in equal base quantity" is what a mismatched pair held: the net
    // delta per asset is by each market's own base asset, so both assets show as unhedged.
    [Fact]
    public async Task Legs_in_two_assets_show_as_unhedged_in_the_net_delta_of_each_asset()
    {
        await FilledAsync(new { venue = "alpha", symbol = "BTCUSDT", side = "Buy", type = "Market", quantity = 0.083m });
        await FilledAsync(new { venue = "gamma", symbol = "ETH", side = "Sell", type = "Market", quantity = 0.083m });

        await AwaitAssertAsync(async () =>
        {
            var delta = (await GetJsonAsync("/api/v1/dashboard")).GetProperty("net_delta").EnumerateArray()
                .ToDictionary(d => d.GetProperty("asset").GetString()!, d => d.GetProperty("size").GetDecimal());
            Assert.Equal(0.083m, delta["BTC"]);
            Assert.Equal(-0.083m, delta["ETH"]);
        }, s_trading);
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

    private async Task FilledAsync(object order)
    {
        var sent = await _writer.PostAsJsonAsync("/api/v1/orders", order);
        Assert.True(sent.StatusCode == HttpStatusCode.Created, await sent.Content.ReadAsStringAsync());
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_order_id").GetString();
        await AwaitAssertAsync(async () => Assert.Equal("Filled", (await GetJsonAsync($"/api/v1/orders/{id}")).GetProperty("status").GetString()), s_trading);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
