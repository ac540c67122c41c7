using System.Net.Http.Json;
using System.Text.Json;
using FundingArb.Actors.Journaling;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Journal;
using FundingArb.Node.Tests.Hosting;
using FundingArb.Trading.Orders;

namespace FundingArb.Node.Tests.Safety;

// What a node does with a journal it cannot trust: a pair that breaks the pair rule, or a row it cannot read. The pair
// is listed with its last known legs and the reason, trades nothing more, and everything else keeps working.
public sealed class RecoveryFaultTests : TestKit
{
    private static readonly TimeSpan s_trading = TimeSpan.FromSeconds(45);
    private static readonly DateTimeOffset s_at = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PairSpec s_mismatched = new("pair-ETH-alpha-gamma-1", "ETH", "alpha", "BTCUSDT", "gamma", "ETH", "USDT", 5_000m);
    private static readonly Dictionary<string, string> s_noController = new() { ["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0" };
    private readonly string _data = RunningNode.NewDataDirectory();

    [Fact]
    public async Task An_open_pair_in_the_journal_with_legs_in_two_assets_recovers_halted_and_places_no_order()
    {
        await CreateJournalAsync();
        var rows = new JournalRows(_data);
        await rows.AppendAsync(OrchestratorActor.Id, new ExecutorRegistered(s_mismatched));
        await rows.AppendAsync(s_mismatched.ExecutorId,
            new PairEntryStarted(0.083m, 60_000m, 3_000m, 0.001m, s_at),
            new PairLegFilled("entry-long", "alpha", "0xa1", "alpha-t1", OrderSide.Buy, 60_000m, 0.083m, 2.49m, "USDT", LiquidityRole.Taker, s_at),
            new PairLegFilled("entry-short", "gamma", "0xa2", "gamma-t1", OrderSide.Sell, 3_000m, 0.083m, 0.11m, "USDC", LiquidityRole.Taker, s_at),
            new PairOpened(s_at));

        await using var node = await RunningNode.StartInProcessAsync(dataDirectory: _data, overrides: s_noController);
        using var reader = node.CreateClient();

        var pair = await AwaitPairAsync(reader, s_mismatched.ExecutorId, p => p.GetProperty("halt").ValueKind != JsonValueKind.Null);
        Assert.Equal("rule_broken", pair.GetProperty("halt").GetProperty("kind").GetString());
        Assert.StartsWith("long_symbol: BTCUSDT is BTC on alpha, not ETH; its legs are left as they are: long 0.083 BTCUSDT on alpha, short 0.083 ETH on gamma",
            pair.GetProperty("halt").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal((0.083m, -0.083m), (pair.GetProperty("long_quantity").GetDecimal(), pair.GetProperty("short_quantity").GetDecimal()));
        Assert.All(node.Runtime.SimulatedVenues, v => Assert.Empty(v.Orders));
    }

    [Fact]
    public async Task A_new_pair_in_the_journal_with_legs_in_two_assets_fails_its_pre_flight_without_an_order()
    {
        await CreateJournalAsync();
        await new JournalRows(_data).AppendAsync(OrchestratorActor.Id, new ExecutorRegistered(s_mismatched));

        await using var node = await RunningNode.StartInProcessAsync(dataDirectory: _data, overrides: s_noController);
        using var reader = node.CreateClient();

        var pair = await AwaitPairAsync(reader, s_mismatched.ExecutorId, p => p.GetProperty("phase").GetString() == "Closed");
        Assert.Equal("FAILED", pair.GetProperty("close_type").GetString());
        Assert.Equal("pre-flight: long_symbol: BTCUSDT is BTC on alpha, not ETH", pair.GetProperty("close_reason").GetString());
        Assert.All(node.Runtime.SimulatedVenues, v => Assert.Empty(v.Orders));
    }

    [Fact]
    public async Task An_unreadable_row_fails_one_executor_after_a_bounded_number_of_recoveries_and_nothing_else()
    {
        string btc, eth;
        await using (var first = await RunningNode.StartInProcessAsync(dataDirectory: _data, overrides: s_noController))
        {
            using var writer = first.CreateClient(authorized: true);
            using var reader = first.CreateClient();
            btc = await CreateAsync(writer, "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT");
            eth = await CreateAsync(writer, "ETH", "alpha", "ETHUSDT", "gamma", "ETH");
            await AwaitPairAsync(reader, btc, p => p.GetProperty("phase").GetString() == "Open");
            await AwaitPairAsync(reader, eth, p => p.GetProperty("phase").GetString() == "Open");
        }

        var corrupted = await new JournalRows(_data).CorruptAsync(eth, "pair-opened.v1", "{not json");
        await using var node = await RunningNode.StartInProcessAsync(dataDirectory: _data, overrides: new Dictionary<string, string>(s_noController)
        {
            ["CONFIG_FORCE_fundingarb_node_executor__recovery_attempts"] = "3",
            ["CONFIG_FORCE_fundingarb_node_executor__recovery_min__backoff"] = "100ms",
            ["CONFIG_FORCE_fundingarb_node_executor__recovery_max__backoff"] = "400ms",
        });
        using var client = node.CreateClient();

        var failed = await AwaitPairAsync(client, eth, p => p.GetProperty("halt").GetProperty("reason").GetString()!.StartsWith("recovery failed 3 times", StringComparison.Ordinal));
        Assert.Equal("recovery_failed", failed.GetProperty("halt").GetProperty("kind").GetString());
        var reason = failed.GetProperty("halt").GetProperty("reason").GetString();
        Assert.Contains($"Cannot read the row of {eth} at sequence number {corrupted} stored by serializer {EventSerializer.Id} under manifest 'pair-opened.v1'",
            reason, StringComparison.Ordinal);
        Assert.True(failed.GetProperty("long_quantity").GetDecimal() > 0m);
        var healthy = await AwaitPairAsync(client, btc, p => p.GetProperty("phase").GetString() == "Open");
        Assert.Equal(JsonValueKind.Null, healthy.GetProperty("halt").ValueKind);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/v1/executors/{eth}");
        Assert.Contains($"sequence number {corrupted}", detail.GetProperty("journal_error").GetString(), StringComparison.Ordinal);
        await AwaitAssertAsync(async () =>
        {
            var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");
            Assert.Equal([btc, eth], dashboard.GetProperty("pairs").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Order(StringComparer.Ordinal));
            Assert.Contains(dashboard.GetProperty("events").EnumerateArray(), e => e.GetProperty("executor_id").GetString() == btc);
            Assert.Equal("recovery_failed", dashboard.GetProperty("pairs").EnumerateArray().Single(p => p.GetProperty("id").GetString() == eth)
                .GetProperty("halt").GetProperty("kind").GetString());
        }, s_trading);

        var (exit, output) = await JournalCheckAsync();

        Assert.Equal(1, exit);
        Assert.Contains("1 unreadable", output, StringComparison.Ordinal);
        Assert.Contains($"{eth} sequence {corrupted} (offset ", output, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Directory.Delete(_data, recursive: true);
        }

        base.Dispose(disposing);
    }

    /// A node's first start leaves its journal's tables and its venues' state in the data folder.
    private async Task CreateJournalAsync()
    {
        var node = await RunningNode.StartInProcessAsync(dataDirectory: _data, overrides: s_noController);
        await node.DisposeAsync();
    }

    private async Task<(int Exit, string Output)> JournalCheckAsync()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await JournalCommand.RunAsync(["journal", "check", "--data", _data], output, error);
        return (exit, output + error.ToString());
    }

    private static async Task<string> CreateAsync(HttpClient writer, string asset, string longVenue, string longSymbol, string shortVenue, string shortSymbol)
    {
        var created = await writer.PostAsJsonAsync("/api/v1/executors", new
        {
            asset,
            long_venue = longVenue,
            long_symbol = longSymbol,
            short_venue = shortVenue,
            short_symbol = shortSymbol,
            quote = "USDT",
            size_quote = 2000m,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString()!;
    }

    private async Task<JsonElement> AwaitPairAsync(HttpClient reader, string id, Func<JsonElement, bool> condition)
    {
        JsonElement pair = default;
        await AwaitAssertAsync(async () =>
        {
            pair = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/executors")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
            Assert.True(condition(pair), pair.ToString());
        }, s_trading);
        return pair;
    }
}
