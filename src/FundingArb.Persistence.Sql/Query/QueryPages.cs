using System.Data.Common;
using System.Globalization;
using Akka.Persistence.Query;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Query;

/// <summary>
/// The pages <see cref="SqlReadJournal"/> reads. Offsets are the <c>ordering</c> column. Writers of this plugin
/// draw orderings and commit in one order (SQLite has one writer; PostgreSQL writers hold an advisory lock from
/// insert to commit), so once a row is visible no row with a lower ordering can commit later, and
/// <c>ordering &gt; offset</c> never skips a late row.
/// </summary>
internal sealed class QueryPages
{
    private const string EventColumns = "j.ordering, j.persistence_id, j.sequence_number, j.created, j.message, j.identifier, j.manifest";

    private readonly SqlDatabase _database;
    private readonly PayloadSerialization _serialization;
    private readonly string _byPersistenceIdSql;
    private readonly string _byTagSql;
    private readonly string _allSql;
    private readonly string _highestOffsetSql;
    private readonly string _highestSequenceNrSql;
    private readonly string _idsSql;

    public QueryPages(SqlDatabase database, PayloadSerialization serialization)
    {
        _database = database;
        _serialization = serialization;
        var journal = database.Journal;
        _byPersistenceIdSql = $"""
            SELECT {EventColumns} FROM {journal} j
            WHERE j.persistence_id = @pid AND j.sequence_number >= @from AND j.sequence_number <= @to AND j.deleted = FALSE
            ORDER BY j.sequence_number LIMIT @limit
            """;
        _byTagSql = $"""
            SELECT {EventColumns} FROM {database.Tags} t JOIN {journal} j ON j.ordering = t.ordering_id
            WHERE t.tag = @tag AND t.ordering_id > @after AND t.ordering_id <= @upTo AND j.deleted = FALSE
            ORDER BY t.ordering_id LIMIT @limit
            """;
        _allSql = $"""
            SELECT {EventColumns} FROM {journal} j
            WHERE j.ordering > @after AND j.ordering <= @upTo AND j.deleted = FALSE
            ORDER BY j.ordering LIMIT @limit
            """;
        _highestOffsetSql = $"SELECT COALESCE(MAX(ordering), 0) FROM {journal}";
        _highestSequenceNrSql = $"SELECT COALESCE(MAX(sequence_number), 0) FROM {journal} WHERE persistence_id = @pid";
        _idsSql = $"SELECT persistence_id, MAX(ordering) FROM {journal} WHERE ordering > @after GROUP BY persistence_id";
    }

    /// <summary>Events of <paramref name="persistenceId"/> from <paramref name="fromSequenceNr"/> to <paramref name="toSequenceNr"/> (both inclusive).</summary>
    public Task<IReadOnlyList<EventEnvelope>> EventsByPersistenceIdAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, int max, CancellationToken cancellationToken) =>
        PageAsync(_byPersistenceIdSql, c => c.With("@pid", persistenceId).With("@from", fromSequenceNr).With("@to", toSequenceNr).With("@limit", max), cancellationToken);

    /// <summary>Events tagged <paramref name="tag"/> with an ordering above <paramref name="afterOffset"/> and at most <paramref name="upToOffset"/>.</summary>
    public Task<IReadOnlyList<EventEnvelope>> EventsByTagAsync(string tag, long afterOffset, long upToOffset, int max, CancellationToken cancellationToken) =>
        PageAsync(_byTagSql, c => c.With("@tag", tag).With("@after", afterOffset).With("@upTo", upToOffset).With("@limit", max), cancellationToken);

    /// <summary>Every event with an ordering above <paramref name="afterOffset"/> and at most <paramref name="upToOffset"/>.</summary>
    public Task<IReadOnlyList<EventEnvelope>> AllEventsAsync(long afterOffset, long upToOffset, int max, CancellationToken cancellationToken) =>
        PageAsync(_allSql, c => c.With("@after", afterOffset).With("@upTo", upToOffset).With("@limit", max), cancellationToken);

    public Task<long> HighestOffsetAsync(CancellationToken cancellationToken) =>
        ScalarAsync(_highestOffsetSql, c => c, cancellationToken);

    public Task<long> HighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken) =>
        ScalarAsync(_highestSequenceNrSql, c => c.With("@pid", persistenceId), cancellationToken);

    /// <summary>The ids with events above <paramref name="afterOffset"/>, and the highest ordering among them.</summary>
    public async Task<(IReadOnlyList<string> Ids, long Offset)> PersistenceIdsAsync(long afterOffset, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand(_idsSql).With("@after", afterOffset);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var ids = new List<string>();
        var offset = afterOffset;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            ids.Add(reader.GetString(0));
            offset = Math.Max(offset, reader.GetInt64(1));
        }

        return (ids, offset);
    }

    private async Task<IReadOnlyList<EventEnvelope>> PageAsync(string sql, Func<DbCommand, DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<(long Ordering, string PersistenceId, long SequenceNr, long Created, byte[] Message, int? SerializerId, string Manifest)>();
        await using (var command = bind(connection.CreateCommand(sql)))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetFieldValue<byte[]>(4),
                    reader.IsDBNull(5) ? null : reader.GetInt32(5), reader.GetString(6)));
            }
        }

        var tags = rows.Count == 0 ? [] : await ReadTagsAsync(connection, rows.Select(r => r.Ordering).ToList(), cancellationToken).ConfigureAwait(false);
        var page = new List<EventEnvelope>(rows.Count);
        foreach (var r in rows)
        {
            object payload;
            try
            {
                payload = _serialization.Deserialize(r.Message, r.SerializerId, r.Manifest, r.PersistenceId, r.SequenceNr);
            }
            catch (EventDeserializationException unreadable)
            {
                // The rows before it are delivered: the page ends short here, and the next page starts with this row, whose
                // error carries its offset so that a reader can skip it and go on.
                return page.Count > 0 ? page : throw new EventDeserializationException(unreadable, r.Ordering);
            }

            page.Add(new EventEnvelope(Offset.Sequence(r.Ordering), r.PersistenceId, r.SequenceNr, payload, r.Created,
                tags.TryGetValue(r.Ordering, out var list) ? [.. list] : []));
        }

        return page;
    }

    private async Task<Dictionary<long, List<string>>> ReadTagsAsync(DbConnection connection, List<long> orderings, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", orderings.Select((_, i) => "@o" + i.ToString(CultureInfo.InvariantCulture)));
        await using var command = connection.CreateCommand($"SELECT ordering_id, tag FROM {_database.Tags} WHERE ordering_id IN ({names}) ORDER BY ordering_id, tag");
        for (var i = 0; i < orderings.Count; i++)
        {
            command.With("@o" + i.ToString(CultureInfo.InvariantCulture), orderings[i]);
        }

        return await TagRows.ReadAsync(command, cancellationToken).ConfigureAwait(false);
    }

    private async Task<long> ScalarAsync(string sql, Func<DbCommand, DbCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = bind(connection.CreateCommand(sql));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Leaves the caller's thread first (SQLite completes synchronously), then opens a connection on an existing schema.</summary>
    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        cancellationToken.ThrowIfCancellationRequested();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        return await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
    }
}
