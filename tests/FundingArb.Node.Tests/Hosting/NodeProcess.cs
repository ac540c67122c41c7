using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FundingArb.Node.Tests.Hosting;

/// The node as users run it: `dotnet fundingarb.dll --data DIR --speed N [options]` in its own process, on a free port.
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static NodeProcess Start(string dataDirectory, double speed, params string[] options) =>
        Start(dataDirectory, speed, new Dictionary<string, string?>(), options);

    /// environment sets variables for the node (a null value removes one the test process has).
    public static NodeProcess Start(string dataDirectory, double speed, IReadOnlyDictionary<string, string?> environment, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"), "--data", dataDirectory, "--speed", speed.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CONFIG_FORCE_fundingarb_node_http_port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CONFIG_FORCE_fundingarb_node_http_api__token"] = RunningNode.Token;
        start.Environment["CONFIG_FORCE_fundingarb_node_shutdown__deadline"] = "10s";
        start.Environment[RunningNode.EntryTimeout.Key] = RunningNode.EntryTimeout.Value;
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new NodeProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start"), new Uri($"http://127.0.0.1:{port}"));
    }

    /// SIGTERM, as systemd or `docker stop` sends it.
    public void Terminate() => Signal("TERM");

    /// SIGSTOP: the process freezes, as in a long pause, until Resume.
    public void Freeze() => Signal("STOP");

    /// SIGCONT after Freeze.
    public void Resume() => Signal("CONT");

    /// SIGKILL: no shutdown code runs.
    public void Kill() => _process.Kill();

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", $"-{signal} {_process.Id}");
        kill.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// A loopback port no one listens on now (another process may still take it before the caller does).
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
