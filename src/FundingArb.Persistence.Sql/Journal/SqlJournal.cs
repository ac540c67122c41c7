using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Data.Common;
using System.Globalization;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Journal;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Journal;

/// <summary>
/// The SQL journal plugin (<c>akka.persistence.journal.fundingarb-sqlite</c> and <c>-postgresql</c>), built by
/// Akka from its HOCON section. Writes are serialised on the journal actor's thread (an unserialisable atomic
/// write is rejected there, certainly not stored) and then group-committed by <see cref="GroupCommitWriter"/>:
/// the writes of many persistent actors share one transaction. Reads run on pooled connections, at most
/// <see cref="SqlJournalSettings.ReadParallelism"/> at once, apart from the writers, so a recovery never
/// queues behind writes. Deletes mark rows deleted and physically remove all but the highest, so the highest
/// sequence number survives any delete (Akka.Persistence.Sql deletes the same way).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "An actor: PostStop closes the writer and the database; the read semaphore has no wait handle to free, and reads still in flight release it.")]
public sealed class SqlJournal : AsyncWriteJournal
{
    private readonly SqlDatabase _database;
    private readonly SqlJournalSettings _settings;
    private readonly JournalBatchWriter _batchWriter;
    private readonly GroupCommitWriter _writer;
    private readonly PayloadSerialization _serialization;
    private readonly IScheduler _clock;
    private readonly ILoggingAdapter _log;
    private readonly SemaphoreSlim _reads;

    // The newest write in flight per persistence id: ReadHighestSequenceNrAsync waits for it, so a restarted
    // actor never reuses a sequence number its previous incarnation is still writing.
    private readonly ConcurrentDictionary<string, Task> _inFlight = new(StringComparer.Ordinal);
    private readonly string _replaySql;
    private readonly string _highestSql;

    /// <summary>Akka's constructor for a plugin: <paramref name="config"/> is the plugin's HOCON section.</summary>
    public SqlJournal(Config config)
    {
        _settings = SqlSettingsBinder.Journal(config);
        _log = Context.GetLogger();
        var system = (ExtendedActorSystem)Context.System;
        _clock = system.Scheduler;
        _serialization = new PayloadSerialization(system);
        _database = SqlDatabase.Open(_settings.Provider, _settings.ConnectionString, _settings.Schema, _settings.AutoInitialize, () => _clock.Now.UtcTicks);
        _batchWriter = JournalBatchWriter.For(_database, _settings.SqliteSynchronous);
        _reads = new SemaphoreSlim(_settings.ReadParallelism, _settings.ReadParallelism);
        var parallelism = _database.Provider == SqlProvider.Sqlite ? 1 : _settings.WriteParallelism;
        _writer = new GroupCommitWriter(_batchWriter, _database, _log, _settings.BatchSize, _settings.QueueSize, parallelism);
        _replaySql = $"""
            SELECT sequence_number, created, message, identifier, manifest, writer_uuid FROM {_database.Journal}
            WHERE persistence_id = @pid AND sequence_number >= @from AND sequence_number <= @to AND deleted = FALSE
            ORDER BY sequence_number LIMIT @limit
            """;
        _highestSql = $"SELECT COALESCE(MAX(sequence_number), 0) FROM {_database.Journal} WHERE persistence_id = @pid";
        SqlPersistenceLog.StoreOpened(_log, "journal", _settings.Provider, _settings.Schema);
    }

    public override async Task ReplayMessagesAsync(IActorContext context, string persistenceId, long fromSequenceNr, long toSequenceNr, long max, Action<IPersistentRepresentation> recoveryCallback)
    {
        ArgumentNullException.ThrowIfNull(recoveryCallback);
        await ReadGateAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var command = connection.CreateCommand(_replaySql).With("@pid", persistenceId).With("@from", 0L).With("@to", toSequenceNr).With("@limit", 0);
            var from = fromSequenceNr;
            var remaining = max;
            while (remaining > 0 && from <= toSequenceNr)
            {
                var limit = (int)Math.Min(remaining, _settings.ReplayPageSize);
                command.Parameters[1].Value = from;
                command.Parameters[3].Value = limit;
                var count = 0;
                await using (var reader = await command.ExecuteReaderAsync().ConfigureAwait(false))
                {
                    while (await reader.ReadAsync().ConfigureAwait(false))
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
        catch (Exception exception)
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
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        finally
        {
            _reads.Release();
        }
    }

    protected override Task<IImmutableList<Exception>> WriteMessagesAsync(IEnumerable<AtomicWrite> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<IImmutableList<Exception>>(cancellationToken);
        }

        var writes = messages as IReadOnlyList<AtomicWrite> ?? [.. messages];
        var now = _clock.Now.UtcTicks;
        Exception?[]? rejections = null;
        var rows = new List<JournalRow>();
        for (var i = 0; i < writes.Count; i++)
        {
            var mark = rows.Count;
            try
            {
                foreach (var persistent in (IImmutableList<IPersistentRepresentation>)writes[i].Payload)
                {
                    rows.Add(ToRow(persistent, now));
                }
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Nothing of this atomic write reaches the database: a rejection, and the writer carries on.
                rows.RemoveRange(mark, rows.Count - mark);
                rejections ??= new Exception?[writes.Count];
                rejections[i] = exception;
            }
        }

        var results = rejections is null ? null : ImmutableList.Create(rejections)!;
        return rows.Count == 0
            ? Task.FromResult<IImmutableList<Exception>>(results!)
            : StoreAsync(new PendingWrite(rows), results!);
    }

    protected override async Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
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

    protected override void PostStop()
    {
        // An actor cannot await: writes already queued are committed and the connections closed in the background.
        _ = CloseAsync();
        base.PostStop();
    }

    private JournalRow ToRow(IPersistentRepresentation persistent, long now)
    {
        var payload = persistent.Payload;
        var tags = ImmutableArray<string>.Empty;
        if (payload is Tagged tagged)
        {
            payload = tagged.Payload;
            tags = [.. tagged.Tags];
        }

        var serialized = _serialization.Serialize(payload);
        return new JournalRow(persistent.PersistenceId, persistent.SequenceNr, persistent.Timestamp != 0 ? persistent.Timestamp : now,
            serialized.SerializerId, serialized.Manifest, serialized.Bytes, string.IsNullOrEmpty(persistent.WriterGuid) ? null : persistent.WriterGuid, tags);
    }

    private async Task<IImmutableList<Exception>> StoreAsync(PendingWrite pending, IImmutableList<Exception> rejections)
    {
        // Tracked before the first await, so a ReadHighestSequenceNrAsync that follows this call sees it.
        var persistenceIds = pending.Rows.Select(r => r.PersistenceId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var id in persistenceIds)
        {
            _inFlight[id] = pending.Stored;
        }

        try
        {
            // No token: a write taken by the group commit is never cancelled, since its outcome would be unknown.
            await _database.EnsureSchemaAsync(CancellationToken.None).ConfigureAwait(false);
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
        var manifest = reader.GetString(4);
        int? serializerId = reader.IsDBNull(3) ? null : reader.GetInt32(3);
        var payload = _serialization.Deserialize(reader.GetFieldValue<byte[]>(2), serializerId, manifest, persistenceId, sequenceNr);
        return new Persistent(payload, sequenceNr, persistenceId, manifest, isDeleted: false, ActorRefs.NoSender,
            writerGuid: reader.IsDBNull(5) ? null : reader.GetString(5), timestamp: reader.GetInt64(1));
    }

    private async Task CloseAsync()
    {
        try
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
            await _batchWriter.DisposeAsync().ConfigureAwait(false);
            await _database.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            SqlPersistenceLog.CloseFailed(_log, error, "journal");
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, string persistenceId, long toSequenceNr, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand(sql, transaction).With("@pid", persistenceId).With("@to", toSequenceNr);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
