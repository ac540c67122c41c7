using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace FundingArb.Node.Tests.Api;

public sealed class NodeApiTests(ApiNodeFixture fixture) : TestKit, IClassFixture<ApiNodeFixture>
{
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(45);
    private readonly HttpClient _reader = fixture.Node.CreateClient();
    private readonly HttpClient _writer = fixture.Node.CreateClient(authorized: true);

    [Fact]
    public async Task Health_and_readiness_answer()
    {
        var health = await GetJsonAsync("/api/v1/health");
        var ready = await GetJsonAsync("/api/v1/ready");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.True(ready.GetProperty("ready").GetBoolean());
        Assert.Equal(3, ready.GetProperty("venues").GetInt32());
    }

    [Fact]
    public async Task A_write_without_the_token_is_refused_and_changes_nothing()
    {
        var before = (await GetJsonAsync("/api/v1/executors")).GetArrayLength();

        var anonymous = await _reader.PostAsJsonAsync("/api/v1/executors", CreateBody("SOL", "beta", "SOLUSDT", "alpha", "SOLUSDT"));
        using var wrong = fixture.Node.CreateClient();
        wrong.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not-the-token");
        var forged = await wrong.PostAsJsonAsync("/api/v1/executors", CreateBody("SOL", "beta", "SOLUSDT", "alpha", "SOLUSDT"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(before, (await GetJsonAsync("/api/v1/executors")).GetArrayLength());
    }

    [Theory]
    [InlineData("""{"asset":"BTC","short_venue":"beta","short_symbol":"BTCUSDT","long_symbol":"BTCUSDT","quote":"USDT","size_quote":100}""", "long_venue")]
    [InlineData("""{"asset":"BTC","long_venue":"alpha","long_symbol":"BTCUSDT","short_venue":"beta","short_symbol":"BTCUSDT","quote":"USDT","size_quote":-5}""", "size_quote")]
    [InlineData("""{"asset":"BTC","long_venue":"alpha","long_symbol":"BTCUSDT","short_venue":"delta","short_symbol":"BTCUSDT","quote":"USDT","size_quote":100}""", "short_venue")]
    public async Task Bad_input_is_a_400_problem_naming_the_field_and_creates_nothing(string body, string field)
    {
        var before = (await GetJsonAsync("/api/v1/executors")).GetArrayLength();

        var response = await _writer.PostAsync("/api/v1/executors", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, (await GetJsonAsync("/api/v1/executors")).GetArrayLength());
    }

    [Theory]
    [InlineData("/api/v1/orders?page=0", "page")]
    [InlineData("/api/v1/orders?page_size=501", "page_size")]
    [InlineData("/api/v1/trades?from=yesterday", "from")]
    [InlineData("/api/v1/performance?to=2026-13-45", "to")]
    public async Task Bad_query_values_are_400_problems_naming_the_parameter(string url, string field) =>
        await AssertProblemAsync(await _reader.GetAsync(url), HttpStatusCode.BadRequest, field);

    [Fact]
    public async Task Unknown_ids_are_404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/v1/executors/pair-XRP-alpha-beta-9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/v1/orders/0xdeadbeef")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/v1/positions/alpha/XRPUSDT")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.PostAsJsonAsync("/api/v1/executors/pair-XRP-alpha-beta-9/stop", new { keep_position = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.PostAsync("/api/v1/orders/0xdeadbeef/cancel", null)).StatusCode);
    }

    [Fact]
    public async Task An_executor_created_through_the_api_enters_both_legs_and_stops_keeping_its_position()
    {
        var created = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString()!;

        await AwaitAssertAsync(async () => Assert.Equal("Open", (await GetJsonAsync($"/api/v1/executors/{id}")).GetProperty("executor").GetProperty("phase").GetString()),
            s_trading);
        var detail = await GetJsonAsync($"/api/v1/executors/{id}");
        var types = detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Equal("PairEntryStarted", types[0]);
        Assert.Contains("PairOpened", types);
        Assert.Equal(types.Count, detail.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("sequence_nr").GetInt64()).Distinct().Count());

        var orders = await GetJsonAsync($"/api/v1/orders?executor_id={id}&page_size=1");
        Assert.Single(orders.GetProperty("items").EnumerateArray());
        Assert.True(orders.GetProperty("total").GetInt32() >= 2);
        var venues = (await GetJsonAsync($"/api/v1/trades?executor_id={id}&page_size=500")).GetProperty("items").EnumerateArray()
            .Select(t => (t.GetProperty("venue").GetString(), t.GetProperty("side").GetString())).Distinct().ToList();
        Assert.Contains(("alpha", "Buy"), venues);
        Assert.Contains(("beta", "Sell"), venues);

        var btc = (await GetJsonAsync("/api/v1/portfolio")).EnumerateArray().Single(a => a.GetProperty("asset").GetString() == "BTC");
        Assert.True(btc.GetProperty("long_quantity").GetDecimal() > 0m);
        Assert.Equal(0m, btc.GetProperty("net_quantity").GetDecimal());
        Assert.Equal(["alpha", "beta"], btc.GetProperty("venues").EnumerateArray().Select(v => v.GetProperty("venue").GetString()));

        var stop = await _writer.PostAsJsonAsync($"/api/v1/executors/{id}/stop", new { keep_position = true });
        Assert.Equal(HttpStatusCode.Accepted, stop.StatusCode);
        await AwaitAssertAsync(async () =>
        {
            var pair = (await GetJsonAsync($"/api/v1/executors/{id}")).GetProperty("executor");
            Assert.Equal("Closed", pair.GetProperty("phase").GetString());
            Assert.Equal("POSITION_HOLD", pair.GetProperty("close_type").GetString());
        }, s_trading);
        var longLeg = await GetJsonAsync("/api/v1/positions/alpha/BTCUSDT");
        Assert.True(longLeg.GetProperty("size").GetDecimal() > 0m);
    }

    [Fact]
    public async Task A_pair_that_would_pay_funding_fails_its_pre_flight_without_an_order()
    {
        var created = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("BTC", "beta", "BTCUSDT", "alpha", "BTCUSDT"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString()!;

        await AwaitAssertAsync(async () =>
        {
            var pair = (await GetJsonAsync($"/api/v1/executors/{id}")).GetProperty("executor");
            Assert.Equal("FAILED", pair.GetProperty("close_type").GetString());
            Assert.StartsWith("pre-flight: the expected funding spread is -", pair.GetProperty("close_reason").GetString(), StringComparison.Ordinal);
        }, s_trading);
        Assert.Equal(0, (await GetJsonAsync($"/api/v1/orders?executor_id={id}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_second_pair_on_the_same_asset_and_venues_is_refused_while_the_first_is_active()
    {
        var first = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("ETH", "alpha", "ETHUSDT", "gamma", "ETH"));
        var second = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("ETH", "alpha", "ETHUSDT", "gamma", "ETH"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        await AssertProblemAsync(second, HttpStatusCode.BadRequest, "asset");
    }

    [Fact]
    public async Task A_manual_order_fills_and_shows_up_as_an_untracked_position_in_a_sync()
    {
        var sent = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue = "beta", symbol = "SOLUSDT", side = "Sell", type = "Market", quantity = 0.5m });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_order_id").GetString();

        await AwaitAssertAsync(async () => Assert.Equal("Filled", (await GetJsonAsync($"/api/v1/orders/{id}")).GetProperty("status").GetString()), s_trading);
        var sync = await _writer.PostAsync("/api/v1/positions/sync", null);
        var sol = (await sync.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray()
            .Single(p => p.GetProperty("venue").GetString() == "beta" && p.GetProperty("symbol").GetString() == "SOLUSDT");
        Assert.Equal((-0.5m, 0m, -0.5m), (sol.GetProperty("venue_size").GetDecimal(), sol.GetProperty("tracked_size").GetDecimal(), sol.GetProperty("difference").GetDecimal()));
    }

    [Fact]
    public async Task A_resting_post_only_order_is_listed_as_active_until_cancelled()
    {
        var mid = (await GetJsonAsync("/api/v1/funding/rates")).EnumerateArray().Single(v => v.GetProperty("venue").GetString() == "alpha")
            .GetProperty("markets").EnumerateArray().Single(m => m.GetProperty("symbol").GetString() == "SOLUSDT").GetProperty("mid").GetDecimal();
        var price = Math.Round(mid * 0.97m, 3);
        var sent = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue = "alpha", symbol = "SOLUSDT", side = "Buy", type = "LimitMaker", quantity = 1m, price });
        var id = (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_order_id").GetString();
        await AwaitAssertAsync(async () => Assert.Contains((await GetJsonAsync("/api/v1/orders/active")).EnumerateArray(),
            o => o.GetProperty("client_order_id").GetString() == id), s_trading);

        var cancel = await _writer.PostAsync($"/api/v1/orders/{id}/cancel", null);

        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        await AwaitAssertAsync(async () => Assert.Equal("Canceled", (await GetJsonAsync($"/api/v1/orders/{id}")).GetProperty("status").GetString()), s_trading);
        Assert.DoesNotContain((await GetJsonAsync("/api/v1/orders/active")).EnumerateArray(), o => o.GetProperty("client_order_id").GetString() == id);
    }

    [Fact]
    public async Task A_manual_order_off_the_tick_is_a_400_naming_the_price()
    {
        var sent = await _writer.PostAsJsonAsync("/api/v1/orders", new { venue = "alpha", symbol = "BTCUSDT", side = "Buy", type = "Limit", quantity = 0.001m, price = 100.05m });

        await AssertProblemAsync(sent, HttpStatusCode.BadRequest, "price");
    }

    [Fact]
    public async Task Funding_rates_are_per_venue_interval_and_normalised_per_day()
    {
        var venues = (await GetJsonAsync("/api/v1/funding/rates")).EnumerateArray().ToList();

        Assert.Equal(["alpha", "beta", "gamma"], venues.Select(v => v.GetProperty("venue").GetString()));
        Assert.Equal([8.0, 4.0, 1.0], venues.Select(v => v.GetProperty("markets")[0].GetProperty("interval_hours").GetDouble()));
        foreach (var market in venues.SelectMany(v => v.GetProperty("markets").EnumerateArray()))
        {
            var rate = market.GetProperty("funding_rate").GetDecimal();
            var hours = (decimal)market.GetProperty("interval_hours").GetDouble();
            Assert.Equal(rate * 24m / hours, market.GetProperty("funding_rate_per_day").GetDecimal(), 12);
        }
    }

    [Fact]
    public async Task Reads_from_another_host_need_the_token()
    {
        var server = fixture.Node.App.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>() as TestServer;
        Assert.NotNull(server);

        var anonymous = await server.SendAsync(c =>
        {
            c.Request.Path = "/api/v1/executors";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
        });
        var withToken = await server.SendAsync(c =>
        {
            c.Request.Path = "/api/v1/executors";
            c.Connection.RemoteIpAddress = IPAddress.Parse("10.1.2.3");
            c.Request.Headers.Authorization = $"Bearer {Hosting.RunningNode.Token}";
        });

        Assert.Equal(StatusCodes.Status403Forbidden, anonymous.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, withToken.Response.StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_lists_the_endpoints()
    {
        var document = await GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        Assert.Contains("/api/v1/executors", paths);
        Assert.Contains("/api/v1/executors/{id}/stop", paths);
        Assert.Contains("/api/v1/funding/opportunities", paths);
        Assert.Contains("/api/v1/orders/{clientOrderId}/cancel", paths);
        Assert.Contains("/api/v1/statistics", paths);
        Assert.Contains("/api/v1/cluster", paths);
    }

    [Fact]
    public async Task Performance_and_statistics_report_over_a_date_range()
    {
        var performance = await GetJsonAsync("/api/v1/performance?from=2020-01-01T00:00:00Z");
        var statistics = await GetJsonAsync("/api/v1/statistics");

        Assert.Equal("funding-arb", performance.GetProperty("controllers")[0].GetProperty("controller_id").GetString());
        Assert.True(performance.GetProperty("overall").TryGetProperty("global_pnl_quote", out _));
        Assert.True(statistics.GetProperty("trades").TryGetProperty("win_rate", out _));
    }

    [Fact]
    public async Task Performance_economics_count_the_entered_pair_not_the_refused_one_and_add_up_to_the_executors_net_pnl()
    {
        var entering = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("BTC", "gamma", "BTC", "beta", "BTCUSDT"));
        var paying = await _writer.PostAsJsonAsync("/api/v1/executors", CreateBody("BTC", "beta", "BTCUSDT", "gamma", "BTC"));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (entering.StatusCode, paying.StatusCode));
        var entered = (await entering.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString()!;
        var refused = (await paying.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString()!;
        await AwaitAssertAsync(async () =>
        {
            Assert.Equal("Open", (await GetJsonAsync($"/api/v1/executors/{entered}")).GetProperty("executor").GetProperty("phase").GetString());
            Assert.Equal("FAILED", (await GetJsonAsync($"/api/v1/executors/{refused}")).GetProperty("executor").GetProperty("close_type").GetString());
        }, s_trading);

        // Executors and economics change together only when an executor records something: retried until the two reads
        // fall between two such moments.
        await AwaitAssertAsync(async () =>
        {
            var economics = (await GetJsonAsync("/api/v1/performance")).GetProperty("economics");
            var executors = (await GetJsonAsync("/api/v1/executors")).EnumerateArray().ToList();
            decimal Sum(string field) => executors.Sum(e => e.GetProperty(field).GetDecimal());
            Assert.Equal(Sum("net_pnl_quote"), economics.GetProperty("net_quote").GetDecimal(), 12);
            Assert.Equal(Sum("funding_quote"), economics.GetProperty("funding_quote").GetDecimal(), 12);
            Assert.Equal(Sum("fees_quote"), economics.GetProperty("fees_quote").GetDecimal(), 12);
            Assert.Equal(executors.Count(e => e.GetProperty("opened_at").ValueKind != JsonValueKind.Null), economics.GetProperty("round_trips").GetInt32());
        }, s_trading);
    }

    [Fact]
    public async Task Performance_economics_net_is_funding_less_fees_slippage_and_basis_and_the_ratios_follow_it()
    {
        var economics = (await GetJsonAsync("/api/v1/performance")).GetProperty("economics");

        decimal Figure(string name) => economics.GetProperty(name).GetDecimal();
        decimal? Ratio(string name) => economics.GetProperty(name).ValueKind == JsonValueKind.Null ? null : Figure(name);
        Assert.Equal(Figure("funding_quote") - Figure("fees_quote") - Figure("slippage_quote") - Figure("basis_quote"), Figure("net_quote"));
        Assert.Equal(Figure("funding_quote") > 0m ? Figure("fees_quote") / Figure("funding_quote") : null, Ratio("fee_to_funding_ratio"));
        Assert.Equal(Figure("oracle_quote") > 0m ? Figure("net_quote") / Figure("oracle_quote") : null, Ratio("capture_ratio"));
        Assert.True(Figure("oracle_quote") >= 0m, $"the oracle may hold nothing but never loses: {Figure("oracle_quote")}");
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

    private static object CreateBody(string asset, string longVenue, string longSymbol, string shortVenue, string shortSymbol) => new
    {
        asset,
        long_venue = longVenue,
        long_symbol = longSymbol,
        short_venue = shortVenue,
        short_symbol = shortSymbol,
        quote = "USDT",
        size_quote = 2000m,
    };

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.StartsWith(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        var response = await _reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
