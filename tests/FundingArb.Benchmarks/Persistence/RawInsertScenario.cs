using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using FundingArb.Persistence.Sql;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// The raw limit: the rows 100 persisting actors would write (same columns, same bytes, same schema),
/// inserted with one multi-row INSERT per batch of 100 and one transaction per batch, on one connection,
/// without actors, queues or serialisation on the clock.
/// </summary>
internal static class RawInsertScenario
{
    public const int BatchSize = 100;

    /// <summary>Inserts <paramref name="events"/> rows; returns rows per second.</summary>
    public static async Task<double> RunAsync(PersistenceTarget target, int events, string idPrefix)
    {
        await target.EnsureSchemaAsync().ConfigureAwait(false);
        var payload = BenchSerializer.Serialize(new BenchEvent(1, 12.5m));

        await using var connection = target.Provider == SqlProvider.Sqlite
            ? new SqliteConnection(target.ConnectionString)
            : (DbConnection)new NpgsqlConnection(target.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        if (connection is SqliteConnection)
        {
            // The durability our journal's default gives: every commit on disk.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=full";
            await pragma.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = MultiRowInsert(target.Provider == SqlProvider.Sqlite ? "journal" : $"\"{target.Schema}\".journal", target.Provider);
        for (var p = 0; p < BatchSize * 7; p++)
        {
            var parameter = insert.CreateParameter();
            if (target.Provider == SqlProvider.Sqlite)
            {
                // Npgsql binds $1..$n by position, and only when the parameters have no names.
                parameter.ParameterName = "@p" + p.ToString(CultureInfo.InvariantCulture);
            }

            insert.Parameters.Add(parameter);
        }

        var start = Stopwatch.GetTimestamp();
        for (var first = 0; first < events; first += BatchSize)
        {
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            insert.Transaction = transaction;
            for (var r = 0; r < BatchSize; r++)
            {
                var i = first + r;
                var p = r * 7;
                insert.Parameters[p].Value = $"{idPrefix}{i % 100}";
                insert.Parameters[p + 1].Value = (long)(i / 100) + 1;
                insert.Parameters[p + 2].Value = 638_000_000_000_000_000L + i;
                insert.Parameters[p + 3].Value = payload;
                insert.Parameters[p + 4].Value = BenchSerializer.Id;
                insert.Parameters[p + 5].Value = BenchSerializer.EventManifest;
                insert.Parameters[p + 6].Value = "0123456789abcdef0123456789abcdef";
            }

            await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            await transaction.CommitAsync().ConfigureAwait(false);
        }

        return events / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static string MultiRowInsert(string table, SqlProvider provider)
    {
        var sql = new StringBuilder($"INSERT INTO {table} (persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid) VALUES ");
        for (var r = 0; r < BatchSize; r++)
        {
            sql.Append(r == 0 ? "(" : ", (");
            for (var c = 0; c < 7; c++)
            {
                var p = r * 7 + c;
                sql.Append(c == 0 ? "" : ", ").Append(provider == SqlProvider.Sqlite ? "@p" : "$").Append((provider == SqlProvider.Sqlite ? p : p + 1).ToString(CultureInfo.InvariantCulture));
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
