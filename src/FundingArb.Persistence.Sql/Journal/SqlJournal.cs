using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.Json;
using FundingArb.Kernel;
using FundingArb.Kernel.Persistence;
using FundingArb.Kernel.Persistence.Journal;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// The SQL journal (plugins <c>sqlite</c> and <c>postgresql</c>). Writes are serialised on the caller's
/// thread (an unserialisable atomic write is rejected there, certainly not stored) and then group-committed
/// by <see cref="GroupCommitWriter"/>. Reads run on pooled connections, at most
/// <see cref="SqlJournalSettings.ReadParallelism"/> at once, apart from the writers, so a recovery never
/// queues behind writes. Deletes mark rows deleted and physically remove all but the highest, so the
/// highest sequence number survives any delete.
/// </summary>
internal sealed class SqlJournal : AsyncWriteJournal
{
    private readonly SqlDatabase _database;
    private readonly SqlJournalSettings _settings;
    private readonly JournalBatchWriter _batchWriter;
    private readonly GroupCommitWriter _writer;
    private readonly ILoggingAdapter _log;
    private readonly SemaphoreSlim _reads;

    // The newest write in flight per persistence id: ReadHighestSequenceNrAsync waits for it, so a restarted
    // actor never reuses a sequence number its previous incarnation is still writing.
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly string _replaySql;
    private readonly string _highestSql;

    public SqlJournal(SqlDatabase database, JournalBatchWriter batchWriter, EventManifestRegistry registry, SqlJournalSettings settings, ILoggingAdapter log)
    {
        _database = database;
        _batchWriter = batchWriter;
        Registry = registry;
        _settings = settings;
        _log = log;
        _reads = new SemaphoreSlim(settings.ReadParallelism, settings.ReadParallelism);
        var parallelism = database.Provider == SqlProvider.Sqlite ? 1 : settings.WriteParallelism;
        _writer = new GroupCommitWriter(batchWriter, database, log, settings.BatchSize, settings.QueueSize, parallelism);
        _replaySql = $"""
            SELECT sequence_number, created, message, manifest, writer_uuid FROM {database.Journal}
            WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
            ORDER BY sequence_number LIMIT @limit
            """;
        _highestSql = $"SELECT COALESCE(MAX(sequence_number), 0) FROM {database.Journal} WHERE persistence_id = @pid";
    }

    internal SqlDatabase Database => _database;

    /// <summary>Settable so that tests can reopen a journal with another registry, as a redeployed node would.</summary>
    internal EventManifestRegistry Registry { get; set; }

    public override Task<IReadOnlyList<Exception?>?> WriteMessagesAsync(IReadOnlyList<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IReadOnlyList<Exception?>?>(cancellationToken);
        }

        Exception?[]? rejections = null;
        var rows = new List<JournalRow>();
        for (var i = 0; i < messages.Count; i++)
        {
            var write = messages[i];
            var mark = rows.Count;
            try
            {
                foreach (var persistent in write.Payload)
                {
                    var payload = Registry.Serialize(persistent.Payload);
                    rows.Add(new JournalRow(persistent.PersistenceId, persistent.SequenceNr, persistent.Timestamp, payload.Manifest, payload.Json,
                        persistent.WriterGuid.Length == 0 ? null : persistent.WriterGuid, persistent.Tags));
                }
            }
            catch (Exception exception) when (exception is EventNotRegisteredException or JsonException or NotSupportedException)
            {
                // Nothing of this atomic write reaches the database: a rejection, and the writer carries on.
                rows.RemoveRange(mark, rows.Count - mark);
                rejections ??= new Exception?[messages.Count];
                rejections[i] = exception;
            }
        }

        return rows.Count == 0
            ? Task.FromResult<IReadOnlyList<Exception?>?>(rejections)
            : StoreAsync(new PendingWrite(rows), rejections, cancellationToken);
    }

    public override async Task ReplayMessagesAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<Persistent> recoveryCallback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        await ReadGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand(_replaySql).With("@pid", persistenceId).With("@from", 0L).With("@to", toSequenceNr).With("@limit", 0);
            var from = fromSequenceNr;
            var remaining = max;
            while (remaining > 0 && from <= toSequenceNr)
            {
                var limit = (int)Math.Min(remaining, _settings.ReplayPageSize);
                command.Parameters[1].Value = from;
                command.Parameters[3].Value = limit;
                var count = 0;
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var persistent = ReadPersistent(reader, persistenceId);
                        from = persistent.SequenceNr + 1;
                        count++;
                        recoveryCallback(persistent);
                    }
                }

                remaining -= count;
                if (count < limit)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SqlPersistenceLog.ReplayFailed(_log, exception, persistenceId);
            throw;
        }
        finally
        {
            _reads.Release();
        }
    }

    public override async Task<long> ReadHighestSequenceNrAsync(string persistenceId, long fromSequenceNr, CancellationToken cancellationToken)
    {
        if (_inFlight.TryGetValue(persistenceId, out var writing))
        {
            // Its outcome does not matter here, only that it is settled.
            await writing.ContinueWith(static _ => { }, cancellationToken, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }

        await ReadGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand(_highestSql).With("@pid", persistenceId);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            _reads.Release();
        }
    }

    public override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await ReadGateAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var journal = _database.Journal;
            await ExecuteAsync(connection, transaction,
                $"UPDATE {journal} SET deleted = TRUE WHERE persistence_id = @pid AND sequence_number <= @to AND deleted = FALSE",
                persistenceId, toSequenceNr, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction,
                $"DELETE FROM {_database.Tags} WHERE ordering_id IN (SELECT ordering FROM {journal} WHERE persistence_id = @pid AND sequence_number <= @to)",
                persistenceId, toSequenceNr, cancellationToken).ConfigureAwait(false);

            // The highest deleted row stays (marked) so that the highest sequence number never goes down.
            await ExecuteAsync(connection, transaction,
                $"""
                DELETE FROM {journal} WHERE persistence_id = @pid AND sequence_number <= @to AND sequence_number <
                    (SELECT MAX(sequence_number) FROM {journal} WHERE persistence_id = @pid AND deleted = TRUE)
                """,
                persistenceId, toSequenceNr, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reads.Release();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await _batchWriter.DisposeAsync().ConfigureAwait(false);
        await _database.DisposeAsync().ConfigureAwait(false);
        _reads.Dispose();
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<Exception?>?> StoreAsync(PendingWrite pending, Exception?[]? rejections, CancellationToken cancellationToken)
    {
        // Tracked before the first await, so a ReadHighestSequenceNrAsync that follows this call sees it.
        var persistenceIds = pending.Rows.Select(r => r.PersistenceId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in persistenceIds)
        {
            _inFlight[id] = pending.Stored;
        }

        try
        {
            await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            if (!_writer.TryEnqueue(pending))
            {
                SqlPersistenceLog.QueueFull(_log, _settings.QueueSize);
                throw new InvalidOperationException($"The journal write queue is full ({_settings.QueueSize} writes waiting): the database is not keeping up.");
            }

            await pending.Stored.ConfigureAwait(false);
            return rejections;
        }
        catch (Exception exception)
        {
            // Settles the tracked task when the write never reached the queue.
            pending.Fail(exception);
            throw;
        }
        finally
        {
            foreach (var id in persistenceIds)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Task>(id, pending.Stored));
            }
        }
    }

    /// <summary>
    /// Leaves the caller's thread first (SQLite's ADO.NET calls complete synchronously, and the caller is
    /// the journal actor), then ensures the schema and takes a read slot.
    /// </summary>
    private async Task ReadGateAsync(CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        cancellationToken.ThrowIfCancellationRequested();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _reads.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Persistent ReadPersistent(DbDataReader reader, string persistenceId)
    {
        var sequenceNr = reader.GetInt64(0);
        var manifest = reader.GetString(3);
        var payload = Registry.Deserialize(manifest, reader.GetFieldValue<byte[]>(2), persistenceId, sequenceNr);
        return new Persistent(payload, sequenceNr, persistenceId, manifest,
            WriterGuid: reader.IsDBNull(4) ? "" : reader.GetString(4),
            Timestamp: reader.GetInt64(1));
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql, transaction).With("@pid", persistenceId).With("@to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
