using System.Globalization;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;
using FundingArb.Persistence.Sql;

namespace FundingArb.Node.Journal;

/// `fundingarb journal check [--config FILE] [--data DIR]`: reads every row of the node's journal and lists those no
/// event can be read from (an executor with such a row stops after its recovery retries). Exit codes: 0 every row
/// reads, 1 unreadable rows (listed) or no journal, 2 bad arguments. It only reads, so it may run beside the node.
public static class JournalCommand
{
    public const string Usage = "usage: fundingarb journal check [--config FILE] [--data DIR]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count < 2 || args[1] != "check")
        {
            await error.WriteLineAsync($"journal: expected 'check'\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (NodeRunOptions.Parse([.. args.Skip(2)], out var problem) is not { Speed: null, AllowStranded: false } options)
        {
            await error.WriteLineAsync($"{problem ?? "journal check takes only --config and --data"}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        NodeSettings settings;
        try
        {
            settings = NodeConfigLoader.Load(options, Environment.GetEnvironmentVariables());
        }
        catch (NodeConfigurationException bad)
        {
            await error.WriteLineAsync($"configuration error: {bad.Message}").ConfigureAwait(false);
            return 1;
        }

        if (!File.Exists(settings.DatabasePath))
        {
            await error.WriteLineAsync($"no journal at {settings.DatabasePath}").ConfigureAwait(false);
            return 1;
        }

        var journalSettings = new SqlJournalSettings { Provider = SqlProvider.Sqlite, ConnectionString = $"Data Source={settings.DatabasePath}", AutoInitialize = false };
        await using var journal = SqlPersistence.CreateReadJournal(journalSettings, JournalRegistry.Create(), TimeProvider.System);
        var (readable, unreadable) = await JournalScan.RunAsync(journal, CancellationToken.None).ConfigureAwait(false);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{settings.DatabasePath}: {readable + unreadable.Count} rows, {unreadable.Count} unreadable")).ConfigureAwait(false);
        foreach (var row in unreadable)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {row.PersistenceId} sequence {row.SequenceNr} (offset {row.Offset}, manifest '{row.Manifest}'): {row.Error}")).ConfigureAwait(false);
        }

        return unreadable.Count == 0 ? 0 : 1;
    }
}
