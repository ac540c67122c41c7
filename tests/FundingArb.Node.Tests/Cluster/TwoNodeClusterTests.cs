using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using FundingArb.Node.Configuration;
using FundingArb.Node.Tests.Hosting;
using Xunit.Abstractions;

namespace FundingArb.Node.Tests.Cluster;

// Two nodes as users run them, each its own process and data folder, joined over real Akka.Remote on loopback.
public sealed class TwoNodeClusterTests(ITestOutputHelper output) : TestKit
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(90);

    // From the kill to the survivor removing the dead member: the failure detector's acceptable pause (3 s) and a few
    // seconds for phi to pass 8, the resolver's stable-after (5 s), then the leader's next round; generous for a loaded
    // two-core machine.
    private static readonly TimeSpan s_downingBudget = TimeSpan.FromSeconds(30);

    private readonly List<string> _folders = [];
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_second_node_joins_the_first_and_each_sees_both_members_with_their_regions()
    {
        var (seedPort, joinerPort) = TwoPorts();
        await using var first = StartNode("ap", seedPort, seeds: []);
        await WaitForReadyAsync(first);
        await using var second = StartNode("eu", joinerPort, seeds: [Address(seedPort)]);
        await WaitForReadyAsync(second);

        foreach (var node in new[] { first, second })
        {
            await AwaitAssertAsync(async () =>
            {
                var cluster = await ClusterAsync(node);
                var members = cluster.GetProperty("members").EnumerateArray()
                    .Select(m => $"{m.GetProperty("address").GetString()} {m.GetProperty("region").GetString()} {m.GetProperty("status").GetString()} {m.GetProperty("reachable").GetBoolean()}");
                Assert.Equal([$"{Address(seedPort)} ap Up True", $"{Address(joinerPort)} eu Up True"], members.Order(StringComparer.Ordinal));
                Assert.Equal(Address(seedPort), cluster.GetProperty("leader").GetString());
            }, s_start, TimeSpan.FromMilliseconds(200));
        }
    }

    [Fact]
    public async Task A_killed_member_is_marked_unreachable_then_downed_and_removed_by_the_split_brain_resolver()
    {
        // Two members split one against one: keep-majority keeps the side with the lowest address, the seed's here.
        var (seedPort, joinerPort) = TwoPorts();
        await using var first = StartNode("ap", seedPort, seeds: []);
        await WaitForReadyAsync(first);
        await using var second = StartNode("eu", joinerPort, seeds: [Address(seedPort)]);
        await WaitForReadyAsync(second);
        await AwaitAssertAsync(async () => Assert.Equal(2, (await ClusterAsync(first)).GetProperty("members").GetArrayLength()), s_start);

        second.Kill();
        var killed = Stopwatch.StartNew();

        await AwaitAssertAsync(async () => Assert.Contains(Events(await ClusterAsync(first)), e => e == $"UnreachableMember {Address(joinerPort)}"),
            s_downingBudget, TimeSpan.FromMilliseconds(100));
        var unreachable = killed.Elapsed;
        await AwaitAssertAsync(async () =>
        {
            var cluster = await ClusterAsync(first);
            Assert.Contains($"MemberRemoved {Address(joinerPort)}", Events(cluster));
            var member = Assert.Single(cluster.GetProperty("members").EnumerateArray());
            Assert.Equal((Address(seedPort), "Up"), (member.GetProperty("address").GetString(), member.GetProperty("status").GetString()));
        }, s_downingBudget, TimeSpan.FromMilliseconds(100));
        output.WriteLine($"kill -9 to unreachable {unreachable.TotalSeconds:F1} s, to removed {killed.Elapsed.TotalSeconds:F1} s");
        Assert.True(await IsReadyAsync(first), first.Output);
    }

    [Fact]
    public async Task A_node_whose_seed_does_not_answer_says_so_in_its_log()
    {
        var (silentPort, ownPort) = TwoPorts();
        await using var node = StartNode("eu", ownPort, seeds: [Address(silentPort)]);

        await AwaitAssertAsync(() => Assert.Contains($"no seed node of {Address(silentPort)} has let it join", node.Output, StringComparison.Ordinal),
            s_start, TimeSpan.FromMilliseconds(200));

        Assert.False(await IsReadyAsync(node));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
            foreach (var folder in _folders)
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        base.Dispose(disposing);
    }

    private static string Address(int port) => string.Create(CultureInfo.InvariantCulture, $"akka.tcp://fundingarb@127.0.0.1:{port}");

    // Ascending, so the first node started holds the lowest address.
    private static (int Low, int High) TwoPorts()
    {
        var (a, b) = (NodeProcess.FreePort(), NodeProcess.FreePort());
        while (a == b)
        {
            b = NodeProcess.FreePort();
        }

        return (Math.Min(a, b), Math.Max(a, b));
    }

    private static IEnumerable<string> Events(JsonElement cluster) =>
        cluster.GetProperty("events").EnumerateArray().Select(e => $"{e.GetProperty("type").GetString()} {e.GetProperty("address").GetString()}");

    // The demo node's configuration with this node's place in the cluster; speed 1, so the cluster's timers run on the
    // wall clock as in production.
    private NodeProcess StartNode(string region, int port, IReadOnlyList<string> seeds)
    {
        var data = RunningNode.NewDataDirectory();
        _folders.Add(data);
        var file = Path.Combine(data, "node.conf");
        File.WriteAllText(file, File.ReadAllText(NodeConfigLoader.FindDefaultFile()) + $$"""

            fundingarb.cluster {
              region = {{region}}
              port = {{port}}
              seed-nodes = [{{string.Join(", ", seeds.Select(s => $"\"{s}\""))}}]
            }
            """);
        return NodeProcess.Start(data, speed: 1, "--config", file);
    }

    private Task WaitForReadyAsync(NodeProcess node) => AwaitAssertAsync(async () =>
    {
        Assert.False(node.HasExited, node.Output);
        Assert.True(await IsReadyAsync(node));
    }, s_start, TimeSpan.FromMilliseconds(200));

    // A node still joining has not opened its HTTP port yet.
    private async Task<bool> IsReadyAsync(NodeProcess node)
    {
        try
        {
            return (await _http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"))).IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<JsonElement> ClusterAsync(NodeProcess node) => await _http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseAddress, "/api/v1/cluster"));
}
