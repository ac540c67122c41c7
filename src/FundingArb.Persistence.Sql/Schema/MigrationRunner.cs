using System.Data.Common;
using System.Globalization;

namespace FundingArb.Persistence.Sql.Schema;

/// <summary>Applies the migrations above the recorded version, inside the caller's transaction.</summary>
internal static class MigrationRunner
{
    public static async Task ApplyAsync(DbConnection connection, DbTransaction transaction, SqlDatabase database, long appliedTicks, CancellationToken cancellationToken)
    {
        await using (var create = connection.CreateCommand(
            $"CREATE TABLE IF NOT EXISTS {database.SchemaVersion} (version INTEGER PRIMARY KEY, description VARCHAR(200) NOT NULL, applied BIGINT NOT NULL)",
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        long current;
        await using (var read = connection.CreateCommand($"SELECT COALESCE(MAX(version), 0) FROM {database.SchemaVersion}", transaction))
        {
            current = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        foreach (var migration in database.Migrations.Where(m => m.Version > current).OrderBy(m => m.Version))
        {
            foreach (var statement in migration.Statements)
            {
                await using var command = connection.CreateCommand(statement, transaction);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await using var record = connection.CreateCommand(
                $"INSERT INTO {database.SchemaVersion} (version, description, applied) VALUES (@version, @description, @applied)",
                transaction);
            await record.With("@version", migration.Version).With("@description", migration.Description).With("@applied", appliedTicks)
                .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
