using FundingArb.Node.Api;
using FundingArb.Node.Configuration;
using FundingArb.Node.Exchange;
using FundingArb.Node.Journal;
using FundingArb.Node.Scenarios;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FundingArb.Node.Hosting;

/// `fundingarb` runs the node until Ctrl+C or SIGTERM; `fundingarb scenario run …` runs a scenario; `fundingarb exchange`
/// serves simulated venues in real venues' protocols (ExchangeCommand); `fundingarb journal check` lists unreadable journal rows. Exit codes:
/// 0 done, 1 bad configuration or a failed start (the message names the file, line and key), 2 bad arguments.
public static class NodeCommandLine
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Length > 0 && args[0] == "scenario")
        {
            return await ScenarioCommand.RunAsync(args, output, error).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == ExchangeCommand.Name)
        {
            return await ExchangeCommand.RunAsync(args, output, error).ConfigureAwait(false);
        }

        if (args.Length > 0 && args[0] == "journal")
        {
            return await JournalCommand.RunAsync(args, output, error).ConfigureAwait(false);
        }

        if (NodeRunOptions.Parse(args, out var problem) is not { } options)
        {
            await error.WriteLineAsync($"{problem}\n{NodeRunOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        if (await NodeConfigLoader.LoadOrReportAsync(options, error).ConfigureAwait(false) is not { } settings)
        {
            return 1;
        }

        if (DataDirectoryProblem(settings.DataDirectory, options.DataDirectory is null ? "fundingarb.node.data-dir" : "--data") is { } dataProblem)
        {
            await error.WriteLineAsync(dataProblem).ConfigureAwait(false);
            return 1;
        }

        var app = NodeApplication.Create(settings);
        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.StartAsync().ConfigureAwait(false);
            }
            catch (Exception failure) when (failure is InvalidDataException or IOException or InvalidOperationException)
            {
                await error.WriteLineAsync($"the node could not start: {failure.Message}").ConfigureAwait(false);
                return 1;
            }

            await output.WriteLineAsync(Banner(app, settings)).ConfigureAwait(false);
            await app.WaitForShutdownAsync().ConfigureAwait(false);
        }

        return 0;
    }

    /// Creates the data folder; a problem names the option (or key) it came from and the path, as a bad option does.
    private static string? DataDirectoryProblem(string path, string option)
    {
        if (File.Exists(path))
        {
            return $"{option} {path}: is a file; the data folder must be a folder";
        }

        try
        {
            Directory.CreateDirectory(path);
            return null;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            return $"{option} {path}: cannot be created: {failure.Message}";
        }
    }

    private static string Banner(WebApplication app, NodeSettings settings)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "?";
        var token = app.Services.GetRequiredService<ApiToken>();
        var tokenLine = token.Generated
            ? $"\n  API token (generated; kept in {token.File}): {token.Value}"
            : token.File is not null ? $"\n  API token: in {token.File}" : "\n  API token: from the configuration";
        return $"""
            FundingArb node '{settings.Name}' is running.
              Dashboard: {address}/
              API:       {address}/api/v1 (OpenAPI: {address}/openapi/v1.json)
              Data:      {settings.DataDirectory} (journal journal.db, venues/, logs/)
              Speed:     {settings.Speed}x{tokenLine}
            Press Ctrl+C to stop.
            """;
    }
}
