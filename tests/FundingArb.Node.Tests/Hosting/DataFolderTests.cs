using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Akka.TestKit.Xunit2;
using Microsoft.Data.Sqlite;

namespace FundingArb.Node.Tests.Hosting;

// Where the node keeps its data, and what it does with a data folder the version before Akka.NET wrote: real node
// processes and the `fundingarb journal migrate` command, as a user runs them.
public sealed class DataFolderTests : TestKit
{
    private static readonly TimeSpan s_start = TimeSpan.FromSeconds(60);
    private readonly string _data = RunningNode.NewDataDirectory();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task A_previous_versions_data_folder_stops_the_start_naming_migrate_which_copies_it_for_the_next_start_to_resume()
    {
        HashSet<string> before;
        await using (var node = NodeProcess.Start(_data, speed: 60, OperatorPair.WithoutController))
        {
            await AwaitAssertAsync(async () => Assert.True((await _http.GetAsync(new Uri(node.BaseAddress, "/api/v1/ready"))).IsSuccessStatusCode, node.Output),
                s_start, TimeSpan.FromMilliseconds(200));
            var open = await OperatorPair.CreateBtcAsync(node);
            await AwaitAssertAsync(async () => Assert.Contains(await ExecutorsAsync(node), e => e.Id == open && e.Phase == "Open"), s_start, TimeSpan.FromMilliseconds(200));
            before = [.. (await ExecutorsAsync(node)).Select(e => e.Id)];
            node.Terminate();
            Assert.Equal(0, await node.WaitForExitAsync(s_start));
        }

        var legacy = await WriteAsPreviousVersionAsync();
        var legacyHash = Hash(legacy);

        await using (var refused = NodeProcess.Start(_data, speed: 60))
        {
            Assert.Equal(1, await refused.WaitForExitAsync(s_start));
            Assert.Contains($"`fundingarb journal migrate --data {_data}`", refused.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(_data, "journal.db")));
        }

        var (exitCode, output) = await RunAsync(_data, Path.Combine(AppContext.BaseDirectory, "fundingarb.dll"), "journal", "migrate", "--data", _data);
        Assert.True(exitCode == 0, output);
        Assert.Contains("counts and last sequence numbers match", output, StringComparison.Ordinal);
        Assert.Equal(legacyHash, Hash(legacy));

        await using var migrated = NodeProcess.Start(_data, speed: 60);
        await AwaitAssertAsync(async () =>
        {
            Assert.False(migrated.HasExited, migrated.Output);
            Assert.True(before.IsSubsetOf((await ExecutorsAsync(migrated)).Select(e => e.Id)), migrated.Output);
        }, s_start, TimeSpan.FromMilliseconds(200));
        Assert.DoesNotContain("journal_error", await _http.GetStringAsync(new Uri(migrated.BaseAddress, "/api/v1/executors")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dotnet_run_from_a_folder_keeps_the_data_in_that_folders_data()
    {
        var project = Path.Combine(RepositoryFolder.Root, "src", "FundingArb.Node", "FundingArb.Node.csproj");
        var configuration = typeof(DataFolderTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

        var (exitCode, output) = await RunAsync(_data, "run", "--no-build", "-c", configuration, "--project", project, "--", "journal", "check");

        Assert.Equal(1, exitCode);
        Assert.Contains($"no journal at {Path.Combine(_data, "data", "journal.db")}", output, StringComparison.Ordinal);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _http.Dispose();
            Directory.Delete(_data, recursive: true);
        }

        base.Dispose(disposing);
    }

    // The previous version's file had the same tables and the same payload bytes under serializer id 1, in
    // fundingarb.db; a copy of this version's journal so relabelled is one.
    private async Task<string> WriteAsPreviousVersionAsync()
    {
        var journal = Path.Combine(_data, "journal.db");
        var legacy = Path.Combine(_data, "fundingarb.db");
        await using (var connection = new SqliteConnection($"Data Source={journal};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var copy = connection.CreateCommand();
            copy.CommandText = "VACUUM INTO $file";
            copy.Parameters.AddWithValue("$file", legacy);
            await copy.ExecuteNonQueryAsync();
        }

        await using (var connection = new SqliteConnection($"Data Source={legacy};Pooling=false"))
        {
            await connection.OpenAsync();
            await using var relabel = connection.CreateCommand();
            // The previous version ran no cluster sharding, so its journal holds only our own events.
            relabel.CommandText = """
                DELETE FROM journal WHERE persistence_id LIKE '/sharding/%' OR persistence_id LIKE '/system/sharding/%';
                DELETE FROM snapshot WHERE persistence_id LIKE '/sharding/%' OR persistence_id LIKE '/system/sharding/%';
                UPDATE journal SET identifier = 1; UPDATE snapshot SET serializer_id = 1
                """;
            await relabel.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.GetFiles(_data, "journal.db*"))
        {
            File.Delete(file);
        }

        return legacy;
    }

    private async Task<List<(string Id, string Phase)>> ExecutorsAsync(NodeProcess node) =>
        [.. (await _http.GetFromJsonAsync<JsonElement>(new Uri(node.BaseAddress, "/api/v1/executors"))).EnumerateArray()
            .Select(e => (e.GetProperty("id").GetString()!, e.GetProperty("phase").GetString()!))];

    private static string Hash(string file) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));

    private static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
