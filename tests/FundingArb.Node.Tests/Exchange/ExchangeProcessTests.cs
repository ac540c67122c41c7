using System.Diagnostics;

namespace FundingArb.Node.Tests.Exchange;

// `fundingarb exchange` as users run it, in its own process.
public sealed class ExchangeProcessTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-exchange-process-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task An_unknown_protocol_exits_1_naming_the_file_line_key_and_value_and_serves_nothing()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "hocon", "exchange.conf"), Path.Combine(_folder, "shipped.conf"));
        var config = Path.Combine(_folder, "bad.conf");
        File.WriteAllText(config, """
            include "shipped.conf"
            fundingarb.exchange.serve = [
              { venue = alpha, protocol = ftx-v1, port = 0 }
            ]
            """);

        var (exitCode, output, error) = await RunAsync("exchange", "--config", config);

        Assert.Equal(1, exitCode);
        Assert.Contains($"{config}:3", error, StringComparison.Ordinal);
        Assert.Contains("fundingarb.exchange.serve[0].protocol: unknown protocol 'ftx-v1'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("ready", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_port_option_exits_2_with_the_usage()
    {
        var (exitCode, _, error) = await RunAsync("exchange", "--port", "http");

        Assert.Equal(2, exitCode);
        Assert.Contains("--port 'http' is not a port (1 to 65535)", error, StringComparison.Ordinal);
        Assert.Contains("usage: fundingarb exchange [--config FILE] [--port N]", error, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(s_deadline);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
