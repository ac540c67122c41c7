using System.Globalization;
using Akka.Persistence.Query;
using Akka.Streams;
using FundingArb.Actors.Journaling;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;
using FundingArb.Persistence.Sql;
using FundingArb.Persistence.Sql.Migration;
using FundingArb.Persistence.Sql.Query;

namespace FundingArb.Node.Journal;

/// `fundingarb journal check|migrate [--config FILE] [--data DIR]`.
/// check: reads every row of the node's journal and lists those no event can be read from (an executor with such a row
/// stops after its recovery retries); it only reads, so it may run beside the node. Exit codes: 0 every row reads, 1
/// unreadable rows (listed) or no journal, 2 bad arguments.
/// migrate: copies the journal the previous version wrote (data/fundingarb.db) into this version's (data/journal.db),
/// checks the row counts and every persistence id's last sequence number, and leaves the old file as it was. Exit
/// codes: 0 migrated, 1 nothing to migrate, already migrated, or a mismatch (listed), 2 bad arguments.
public static class JournalCommand
{
    public const string Usage = "usage: fundingarb journal check|migrate [--config FILE] [--data DIR]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Count < 2 || args[1] is not ("check" or "migrate"))
        {
            await error.WriteLineAsync($"journal: expected 'check' or 'migrate'\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (NodeRunOptions.Parse([.. args.Skip(2)], out var problem) is not { Speed: null, AllowStranded: false } options)
        {
            await error.WriteLineAsync($"{problem ?? $"journal {args[1]} takes only --config and --data"}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        if (await NodeConfigLoader.LoadOrReportAsync(options, error).ConfigureAwait(false) is not { } settings)
        {
            return 1;
        }

        return args[1] == "check" ? await CheckAsync(settings, output, error).ConfigureAwait(false) : await MigrateAsync(settings, output, error).ConfigureAwait(false);
    }

    private static async Task<int> CheckAsync(NodeSettings settings, TextWriter output, TextWriter error)
    {
        if (!File.Exists(settings.DatabasePath))
        {
            await error.WriteLineAsync($"no journal at {settings.DatabasePath}").ConfigureAwait(false);
            return 1;
        }

        var system = JournalFile.Open(settings.DatabasePath, "journal-check");
        try
        {
            var journal = PersistenceQuery.Get(system).ReadJournalFor<SqlReadJournal>(SqlPersistence.SqliteReadJournal);
            var (readable, unreadable) = await JournalScan.RunAsync(journal, system.Materializer(), CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{settings.DatabasePath}: {readable + unreadable.Count} rows, {unreadable.Count} unreadable")).ConfigureAwait(false);
            foreach (var row in unreadable)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {row.PersistenceId} sequence {row.SequenceNr} (offset {row.Offset}, manifest '{row.Manifest}'): {row.Error}")).ConfigureAwait(false);
            }

            return unreadable.Count == 0 ? 0 : 1;
        }
        finally
        {
            await system.Terminate().ConfigureAwait(false);
        }
    }

    private static async Task<int> MigrateAsync(NodeSettings settings, TextWriter output, TextWriter error)
    {
        if (!File.Exists(settings.LegacyDatabasePath))
        {
            await error.WriteLineAsync($"nothing to migrate: no journal of the previous version at {settings.LegacyDatabasePath}").ConfigureAwait(false);
            return 1;
        }

        if (File.Exists(settings.DatabasePath))
        {
            await error.WriteLineAsync($"{settings.DatabasePath} exists already: the journal was migrated, or this version has written its own").ConfigureAwait(false);
            return 1;
        }

        var migration = new JournalMigration($"Data Source={settings.LegacyDatabasePath}", SqlProvider.Sqlite, $"Data Source={settings.DatabasePath}", "public",
            JournalMigration.SameBytes(EventSerializer.Id), TimeProvider.System);
        try
        {
            var report = await migration.RunAsync(CancellationToken.None).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{settings.LegacyDatabasePath} -> {settings.DatabasePath}: {report.JournalRows} events of {report.PersistenceIds} persistence ids, {report.TagRows} tags, {report.Snapshots} snapshots; counts and last sequence numbers match. The old file is left in place."))
                .ConfigureAwait(false);
            return 0;
        }
        catch (JournalMigrationException mismatch)
        {
            await error.WriteLineAsync($"migration failed: {mismatch.Message}").ConfigureAwait(false);
            return 1;
        }
    }
}
