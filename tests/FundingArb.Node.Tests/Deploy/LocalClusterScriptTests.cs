using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Akka.TestKit.Xunit2;
using Xunit.Abstractions;

namespace FundingArb.Node.Tests.Deploy;

// deploy/local-cluster.sh as an operator runs it: real PostgreSQL, a real exchange and three node processes. Its run
// folder, data folders and every port are the test's own (free ports, not the confs' 5091-5093, 4061-4063 and
// 7100-7102), so it runs beside the other process tests and beside a cluster someone has up on this machine.
public sealed partial class LocalClusterScriptTests(ITestOutputHelper output) : TestKit, IAsyncLifetime
{
    private static readonly TimeSpan s_up = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan s_down = TimeSpan.FromMinutes(3);

    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-local-cluster-").FullName;
    private readonly int[] _httpPorts = [.. FreePorts(3, consecutive: false)];
    private readonly int[] _akkaPorts = [.. FreePorts(3, consecutive: false)];
    private readonly int _exchangePort = FreePorts(3, consecutive: true)[0];
    private readonly HttpClient _http = new();

    private string Run => Path.Combine(_folder, "run");

    public Task InitializeAsync() => Task.CompletedTask;

    // A failed test must not leave a cluster running.
    public async Task DisposeAsync()
    {
        if (File.Exists(Path.Combine(Run, "processes")) || File.Exists(Path.Combine(Run, "postgres.env")))
        {
            await ScriptAsync("down", s_down);
        }

        _http.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Up_returns_with_three_nodes_Up_in_regions_ap_eu_ap_status_lists_the_same_processes_and_down_stops_every_one()
    {
        var started = Stopwatch.StartNew();
        var up = await ScriptAsync("up", s_up);
        output.WriteLine($"up took {started.Elapsed.TotalSeconds:F1} s");
        Assert.True(up.ExitCode == 0, up.Error);

        var lines = up.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Length);
        string[] expected =
        [
            $"node node-ap-1 ap http://127.0.0.1:{_httpPorts[0]}/ PID", $"node node-eu-1 eu http://127.0.0.1:{_httpPorts[1]}/ PID",
            $"node node-ap-2 ap http://127.0.0.1:{_httpPorts[2]}/ PID", "exchange PID", "postgres PID",
        ];
        Assert.Equal(expected, lines.Select(line => Pid().Replace(line, " PID")));
        var pids = lines.Select(line => int.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)).ToList();
        Assert.All(pids, pid => Assert.True(Runs(pid), $"pid {pid} does not run"));

        // Up means Up: the first node's view holds all three, with no waiting after the script returned.
        (string, string, string)[] members =
        [
            ($"akka.tcp://fundingarb@127.0.0.1:{_akkaPorts[0]}", "ap", "Up"), ($"akka.tcp://fundingarb@127.0.0.1:{_akkaPorts[1]}", "eu", "Up"),
            ($"akka.tcp://fundingarb@127.0.0.1:{_akkaPorts[2]}", "ap", "Up"),
        ];
        Assert.Equal(members.OrderBy(m => m.Item1, StringComparer.Ordinal), await MembersAsync(_httpPorts[0]));
        await AwaitAssertAsync(async () => Assert.Equal(await MembersAsync(_httpPorts[0]), await MembersAsync(_httpPorts[2])), TimeSpan.FromSeconds(30));

        var status = await ScriptAsync("status", TimeSpan.FromMinutes(1));
        Assert.Equal((0, up.Output), (status.ExitCode, status.Output));

        var postgresFolder = PostgresFolder();
        var down = await ScriptAsync("down", s_down);
        Assert.True(down.ExitCode == 0, down.Error);
        await AwaitAssertAsync(() => Assert.All(pids, pid => Assert.False(Runs(pid), $"pid {pid} still runs after down")), TimeSpan.FromSeconds(10));
        Assert.False(Directory.Exists(postgresFolder), $"{postgresFolder} is still there");
        foreach (var node in new[] { "node-ap-1", "node-eu-1", "node-ap-2" })
        {
            // SIGTERM, not a kill: each node ran its shutdown to the end.
            Assert.Contains($"Node {node} stopped; journal flushed", await File.ReadAllTextAsync(Path.Combine(Run, "logs", node + ".log")), StringComparison.Ordinal);
        }

        var after = await ScriptAsync("status", TimeSpan.FromMinutes(1));
        Assert.Equal((3, ""), (after.ExitCode, after.Output));
        Assert.Equal(0, (await ScriptAsync("down", s_down)).ExitCode);
    }

    private async Task<IEnumerable<(string Address, string Region, string Status)>> MembersAsync(int httpPort)
    {
        using var cluster = JsonDocument.Parse(await _http.GetStringAsync(new Uri($"http://127.0.0.1:{httpPort}/api/v1/cluster")));
        return [.. cluster.RootElement.GetProperty("members").EnumerateArray()
            .Select(m => (m.GetProperty("address").GetString()!, m.GetProperty("region").GetString()!, m.GetProperty("status").GetString()!))
            .OrderBy(m => m.Item1, StringComparer.Ordinal)];
    }

    private string PostgresFolder()
    {
        var settings = File.ReadAllText(Path.Combine(Run, "postgres.env"));
        return Regex.Match(settings, "FUNDINGARB_TEST_PG_DIR='([^']+)'").Groups[1].Value;
    }

    private async Task<(int ExitCode, string Output, string Error)> ScriptAsync(string command, TimeSpan limit)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryFolder.Root, "deploy", "local-cluster.sh"));
        start.ArgumentList.Add(command);
        start.Environment["FUNDINGARB_CLUSTER_RUN"] = Run;
        start.Environment["FUNDINGARB_CLUSTER_DATA"] = Path.Combine(_folder, "data");
        start.Environment["FUNDINGARB_CLUSTER_DLL"] = Path.Combine(AppContext.BaseDirectory, "fundingarb.dll");
        start.Environment["FUNDINGARB_CLUSTER_HTTP_PORTS"] = string.Join(' ', _httpPorts);
        start.Environment["FUNDINGARB_CLUSTER_AKKA_PORTS"] = string.Join(' ', _akkaPorts);
        start.Environment["FUNDINGARB_CLUSTER_EXCHANGE_PORT"] = _exchangePort.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"local-cluster.sh {command} did not return within {limit}: {await standardError}");
        }

        var error = await standardError;
        output.WriteLine($"$ local-cluster.sh {command} (exit {process.ExitCode})\n{error}");
        return (process.ExitCode, await standardOutput, error);
    }

    // A pid runs while the kernel has it and it is no zombie (an exited process its parent, here init, has not reaped).
    private static bool Runs(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            var text = File.ReadAllText(stat);
            return text[(text.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception gone) when (gone is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return false;
        }
    }

    // Loopback ports no one listens on now; consecutive ones for the exchange, which serves its venues on N, N+1, N+2.
    private static List<int> FreePorts(int count, bool consecutive)
    {
        while (true)
        {
            var ports = new List<int>();
            using var first = new TcpListener(IPAddress.Loopback, 0);
            first.Start();
            ports.Add(((IPEndPoint)first.LocalEndpoint).Port);
            var listeners = new List<TcpListener>();
            try
            {
                for (var i = 1; i < count; i++)
                {
                    var listener = new TcpListener(IPAddress.Loopback, consecutive ? ports[0] + i : 0);
                    listener.Start();
                    listeners.Add(listener);
                    ports.Add(((IPEndPoint)listener.LocalEndpoint).Port);
                }

                return ports;
            }
            catch (SocketException) when (consecutive)
            {
                // The next port is taken: try from another first one.
            }
            finally
            {
                listeners.ForEach(l => l.Stop());
            }
        }
    }

    [GeneratedRegex(" [0-9]+$")]
    private static partial Regex Pid();
}
