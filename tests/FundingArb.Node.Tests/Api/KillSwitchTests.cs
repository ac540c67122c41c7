using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Tests.Hosting;

namespace FundingArb.Node.Tests.Api;

public sealed class KillSwitchTests : TestKit
{
    private static readonly object s_pair = new
    {
        asset = "ETH", long_venue = "alpha", long_symbol = "ETHUSDT", short_venue = "gamma", short_symbol = "ETH", quote = "USDT", size_quote = 2000m,
    };

    [Fact]
    public async Task An_engaged_kill_switch_refuses_new_pairs_closes_the_open_ones_and_survives_a_restart()
    {
        var data = RunningNode.NewDataDirectory();
        var noController = new Dictionary<string, string> { ["CONFIG_FORCE_strategy_funding__arb_max__pairs"] = "0" };
        try
        {
            await using (var node = await RunningNode.StartInProcessAsync(dataDirectory: data, overrides: noController))
            {
                using var writer = node.CreateClient(authorized: true);
                var created = await writer.PostAsJsonAsync("/api/v1/executors", s_pair);
                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("executor_id").GetString();
                await AwaitAssertAsync(async () => Assert.Equal("Open", await PhaseAsync(writer, id!)), TimeSpan.FromSeconds(45));

                var engaged = await writer.PostAsJsonAsync("/api/v1/risk/kill-switch", new { engaged = true, reason = "operator drill", close_all = true });
                Assert.Equal(HttpStatusCode.OK, engaged.StatusCode);
                var refused = await writer.PostAsJsonAsync("/api/v1/executors", s_pair);

                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal("risk", problem.GetProperty("field").GetString());
                Assert.Contains("operator drill", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
                await AwaitAssertAsync(async () => Assert.Equal("Closed", await PhaseAsync(writer, id!)), TimeSpan.FromSeconds(45));
            }

            await using (var node = await RunningNode.StartInProcessAsync(dataDirectory: data, overrides: noController))
            {
                using var writer = node.CreateClient(authorized: true);
                var status = await writer.GetFromJsonAsync<JsonElement>("/api/v1/risk");
                Assert.True(status.GetProperty("kill_switch_engaged").GetBoolean());
                Assert.Equal("operator drill", status.GetProperty("kill_switch_reason").GetString());

                var released = await writer.PostAsJsonAsync("/api/v1/risk/kill-switch", new { engaged = false });
                Assert.Equal(HttpStatusCode.OK, released.StatusCode);
                Assert.Equal(HttpStatusCode.Created, (await writer.PostAsJsonAsync("/api/v1/executors", s_pair)).StatusCode);
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task Engaging_without_a_reason_is_a_400_and_changes_nothing()
    {
        await using var node = await RunningNode.StartInProcessAsync();
        using var writer = node.CreateClient(authorized: true);

        var response = await writer.PostAsJsonAsync("/api/v1/risk/kill-switch", new { engaged = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("reason", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.False((await writer.GetFromJsonAsync<JsonElement>("/api/v1/risk")).GetProperty("kill_switch_engaged").GetBoolean());
    }

    private static async Task<string?> PhaseAsync(HttpClient client, string id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/executors/{id}")).GetProperty("executor").GetProperty("phase").GetString();
}
