using System.Diagnostics;

namespace FundingArb.Persistence.Sql.Tests.Outage;

/// <summary>
/// A PostgreSQL server of the test's own (tests/start-postgres.sh into a fresh folder, on a free loopback
/// port), so it can be stopped and started without disturbing the tests that share the main one.
/// </summary>
internal sealed class PrivatePostgreSql : IAsyncDisposable
{
    private PrivatePostgreSql(string connectionString, string folder)
    {
        ConnectionString = connectionString;
        Folder = folder;
    }

    public string ConnectionString { get; }

    public string Folder { get; }

    public static async Task<PrivatePostgreSql> StartAsync()
    {
        var output = await RunAsync("start").ConfigureAwait(false);
        string? connectionString = null;
        string? folder = null;
        foreach (var line in output.Split('\n'))
        {
            var value = line.Split('=', 2) is [_, var v] ? v.Trim().Trim('\'') : null;
            if (line.StartsWith("export FUNDINGARB_TEST_PG=", StringComparison.Ordinal))
            {
                connectionString = value;
            }
            else if (line.StartsWith("export FUNDINGARB_TEST_PG_DIR=", StringComparison.Ordinal))
            {
                folder = value;
            }
        }

        return new PrivatePostgreSql(
            connectionString ?? throw new InvalidOperationException($"start-postgres.sh printed no connection string: {output}"),
            folder ?? throw new InvalidOperationException($"start-postgres.sh printed no folder: {output}"));
    }

    /// <summary>Stops the server the way an operator or a crash would (<c>fast</c> or <c>immediate</c>).</summary>
    public Task StopAsync(string mode = "fast") => RunAsync("stop", Folder, mode);

    public Task RestartAsync() => RunAsync("restart", Folder);

    public async ValueTask DisposeAsync() => await RunAsync("remove", Folder).ConfigureAwait(false);

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Script());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"start-postgres.sh {string.Join(' ', arguments)} failed ({process.ExitCode}): {await stderr.ConfigureAwait(false)}");
        }

        return await stdout.ConfigureAwait(false);
    }

    private static string Script()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var script = Path.Combine(folder.FullName, "tests", "start-postgres.sh");
            if (File.Exists(script))
            {
                return script;
            }
        }

        throw new FileNotFoundException("tests/start-postgres.sh was not found above " + AppContext.BaseDirectory);
    }
}
