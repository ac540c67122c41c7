using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Migration;

/// <summary>
/// Copies every journal row (with its tags) and every snapshot of an old SQLite file into a new database, passing
/// each payload through <c>map</c> (the previous version stored System.Text.Json under its own manifest names with
/// serializer id 1; the new rows must name the Akka serializer that reads them). Rows keep their order, sequence
/// numbers, timestamps, writer and deleted flag; orderings are drawn anew. Then it checks the row counts and the
/// last sequence number of every persistence id. The old file is opened read-only and never changed.
/// </summary>
/// <example>
/// <code>
/// var migration = new JournalMigration("Data Source=data/fundingarb.db", SqlProvider.Sqlite, "Data Source=data/journal.db",
///     "public", JournalMigration.SameBytes(eventSerializerId), TimeProvider.System);
/// var report = await migration.RunAsync(cancellationToken);
/// </code>
/// </example>
public sealed class JournalMigration
{
    /// <summary>The serializer id of the previous version's rows (System.Text.Json under a manifest of EventManifestRegistry).</summary>
    public const int LegacySerializerId = 1;

    private const int PageSize = 1000;

    private readonly string _source;
    private readonly SqlProvider _targetProvider;
    private readonly string _target;
    private readonly string _targetSchema;
    private readonly Func<StoredPayload, StoredPayload> _map;
    private readonly TimeProvider _timeProvider;

    /// <param name="sourceSqlite">The old file's Microsoft.Data.Sqlite connection string (opened read-only).</param>
    /// <param name="targetProvider">The new database's engine.</param>
    /// <param name="target">The new database's connection string; its journal must be empty.</param>
    /// <param name="targetSchema">The PostgreSQL schema of the new tables (ignored by SQLite).</param>
    /// <param name="map">Turns an old row's payload into the new one; it throws for a payload it cannot map.</param>
    /// <param name="timeProvider">Stamps the new schema's migration record.</param>
    public JournalMigration(string sourceSqlite, SqlProvider targetProvider, string target, string targetSchema, Func<StoredPayload, StoredPayload> map, TimeProvider timeProvider)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceSqlite);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(timeProvider);
        SqlIdentifier.Validate(targetSchema, nameof(targetSchema));
        _source = new SqliteConnectionStringBuilder(sourceSqlite) { Mode = SqliteOpenMode.ReadOnly }.ToString();
        _targetProvider = targetProvider;
        _target = target;
        _targetSchema = targetSchema;
        _map = map;
        _timeProvider = timeProvider;
    }

    /// <summary>
    /// The mapping for a serializer that writes the same JSON under the same manifests: the legacy serializer id
    /// becomes <paramref name="serializerId"/>, manifest and bytes stay; rows of any other serializer are kept as they are.
    /// </summary>
    public static Func<StoredPayload, StoredPayload> SameBytes(int serializerId) =>
        payload => payload.SerializerId == LegacySerializerId ? payload with { SerializerId = serializerId } : payload;

    /// <summary>Copies, then verifies; throws <see cref="JournalMigrationException"/> when the new journal is not empty or does not match.</summary>
    public async Task<JournalMigrationReport> RunAsync(CancellationToken cancellationToken)
    {
        await using var target = SqlDatabase.Open(_targetProvider, _target, _targetSchema, autoInitialize: true, () => _timeProvider.GetUtcNow().UtcTicks);
        await target.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var source = new SqliteConnection(_source);
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var connection = await target.OpenAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await ScalarAsync(connection, $"SELECT COUNT(*) FROM {target.Journal}", cancellationToken).ConfigureAwait(false) > 0)
            {
                throw new JournalMigrationException($"The new journal ({target.Journal}) already has rows: a migration copies into an empty database only.");
            }

            await CopyJournalAsync(source, connection, target, cancellationToken).ConfigureAwait(false);
            await CopySnapshotsAsync(source, connection, target, cancellationToken).ConfigureAwait(false);
        }

        return await VerifyAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Compares the two databases: journal, tag and snapshot counts and each persistence id's last sequence number.</summary>
    public async Task<JournalMigrationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        await using var target = SqlDatabase.Open(_targetProvider, _target, _targetSchema, autoInitialize: false, () => _timeProvider.GetUtcNow().UtcTicks);
        await using var source = new SqliteConnection(_source);
        await source.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await target.OpenAsync(cancellationToken).ConfigureAwait(false);
        var mismatches = ImmutableArray.CreateBuilder<string>();
        var counts = new List<long>();
        foreach (var (name, oldTable, newTable) in new[] { ("journal rows", "journal", target.Journal), ("tag rows", "tags", target.Tags), ("snapshots", "snapshot", target.Snapshot) })
        {
            var before = await ScalarAsync(source, $"SELECT COUNT(*) FROM {oldTable}", cancellationToken).ConfigureAwait(false);
            var after = await ScalarAsync(connection, $"SELECT COUNT(*) FROM {newTable}", cancellationToken).ConfigureAwait(false);
            counts.Add(before);
            if (before != after)
            {
                mismatches.Add($"{name}: {before} in the old file, {after} in the new database");
            }
        }

        var oldLast = await LastSequenceNrsAsync(source, "journal", cancellationToken).ConfigureAwait(false);
        var newLast = await LastSequenceNrsAsync(connection, target.Journal, cancellationToken).ConfigureAwait(false);
        foreach (var (id, last) in oldLast)
        {
            var migrated = newLast.TryGetValue(id, out var n) ? n.ToString(CultureInfo.InvariantCulture) : "nothing";
            if (!newLast.TryGetValue(id, out var found) || found != last)
            {
                mismatches.Add($"{id}: last sequence number {last} in the old file, {migrated} in the new database");
            }
        }

        foreach (var id in newLast.Keys.Where(id => !oldLast.ContainsKey(id)))
        {
            mismatches.Add($"{id}: not in the old file, but in the new database");
        }

        return mismatches.Count > 0
            ? throw new JournalMigrationException(mismatches.ToImmutable())
            : new JournalMigrationReport(counts[0], counts[1], counts[2], oldLast.Count);
    }

    private async Task CopyJournalAsync(SqliteConnection source, DbConnection connection, SqlDatabase target, CancellationToken cancellationToken)
    {
        var after = 0L;
        while (true)
        {
            var page = new List<(long Ordering, string PersistenceId, long SequenceNr, long Created, bool Deleted, StoredPayload Payload, string? Writer)>();
            await using (var read = source.CreateCommand(
                "SELECT ordering, persistence_id, sequence_number, created, deleted, message, identifier, manifest, writer_uuid FROM journal WHERE ordering > @after ORDER BY ordering LIMIT @limit"))
            {
                read.With("@after", after).With("@limit", PageSize);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    var payload = new StoredPayload(reader.IsDBNull(6) ? null : reader.GetInt32(6), reader.GetString(7), reader.GetFieldValue<byte[]>(5));
                    page.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetBoolean(4), payload, reader.IsDBNull(8) ? null : reader.GetString(8)));
                }
            }

            if (page.Count == 0)
            {
                return;
            }

            var tags = await TagsAsync(source, page[0].Ordering, page[^1].Ordering, cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var insert = connection.CreateCommand(
                $"""
                INSERT INTO {target.Journal} (persistence_id, sequence_number, created, deleted, message, identifier, manifest, writer_uuid)
                VALUES (@pid, @seq, @created, @deleted, @message, @identifier, @manifest, @writer) RETURNING ordering
                """, transaction).With("@pid", null).With("@seq", null).With("@created", null).With("@deleted", null)
                .With("@message", null).With("@identifier", null).With("@manifest", null).With("@writer", null);
            await using var insertTag = connection.CreateCommand(
                $"INSERT INTO {target.Tags} (ordering_id, tag, persistence_id, sequence_nr) VALUES (@ordering, @tag, @pid, @seq)", transaction)
                .With("@ordering", null).With("@tag", null).With("@pid", null).With("@seq", null);
            foreach (var row in page)
            {
                var payload = Map(row.Payload, row.PersistenceId, row.SequenceNr);
                var ordering = Convert.ToInt64(await Bind(insert, row.PersistenceId, row.SequenceNr, row.Created, row.Deleted, payload.Bytes, payload.SerializerId, payload.Manifest, row.Writer)
                    .ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
                foreach (var tag in tags.TryGetValue(row.Ordering, out var list) ? list : [])
                {
                    await Bind(insertTag, ordering, tag, row.PersistenceId, row.SequenceNr).ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            after = page[^1].Ordering;
        }
    }

    private async Task CopySnapshotsAsync(SqliteConnection source, DbConnection connection, SqlDatabase target, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var insert = connection.CreateCommand(
            $"INSERT INTO {target.Snapshot} (persistence_id, sequence_number, created, snapshot, manifest, serializer_id) VALUES (@pid, @seq, @created, @snapshot, @manifest, @serializer)",
            transaction).With("@pid", null).With("@seq", null).With("@created", null).With("@snapshot", null).With("@manifest", null).With("@serializer", null);
        await using (var read = source.CreateCommand("SELECT persistence_id, sequence_number, created, snapshot, manifest, serializer_id FROM snapshot ORDER BY persistence_id, sequence_number"))
        {
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (persistenceId, sequenceNr) = (reader.GetString(0), reader.GetInt64(1));
                var payload = Map(new StoredPayload(reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(4), reader.GetFieldValue<byte[]>(3)), persistenceId, sequenceNr);
                await Bind(insert, persistenceId, sequenceNr, reader.GetInt64(2), payload.Bytes, payload.Manifest, payload.SerializerId)
                    .ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private StoredPayload Map(StoredPayload payload, string persistenceId, long sequenceNr)
    {
        try
        {
            return _map(payload);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            throw new JournalMigrationException(
                $"The row of {persistenceId} at sequence number {sequenceNr} (serializer {payload.SerializerId}, manifest '{payload.Manifest}') cannot be mapped: {error.Message}", error);
        }
    }

    /// <summary>Sets a prepared command's parameters, in the order they were added.</summary>
    private static DbCommand Bind(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        return command;
    }

    private static async Task<Dictionary<long, List<string>>> TagsAsync(SqliteConnection source, long from, long to, CancellationToken cancellationToken)
    {
        await using var read = source.CreateCommand("SELECT ordering_id, tag FROM tags WHERE ordering_id >= @from AND ordering_id <= @to ORDER BY ordering_id, tag");
        return await TagRows.ReadAsync(read.With("@from", from).With("@to", to), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Dictionary<string, long>> LastSequenceNrsAsync(DbConnection connection, string journal, CancellationToken cancellationToken)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var read = connection.CreateCommand($"SELECT persistence_id, MAX(sequence_number) FROM {journal} GROUP BY persistence_id");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last[reader.GetString(0)] = reader.GetInt64(1);
        }

        return last;
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }
}
