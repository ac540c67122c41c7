using System.Collections.Concurrent;
using System.Data.Common;
using Akka.Actor;
using Akka.Configuration;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Snapshot;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Snapshot;

/// <summary>
/// The SQL snapshot store plugin (<c>akka.persistence.snapshot-store.fundingarb-sqlite</c> and <c>-postgresql</c>):
/// one row per (persistence id, sequence number), saved by upsert, timestamps as UTC ticks, the snapshot through
/// Akka's serialization with its serializer id and string manifest, as Akka.Persistence.Sql stores it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "An actor: PostStop closes the database; the semaphore has no wait handle to free, and operations still in flight release it.")]
public sealed class SqlSnapshotStore : SnapshotStore
{
    private const string Columns = "persistence_id, sequence_number, created, snapshot, manifest, serializer_id";

    private readonly SqlDatabase _database;
    private readonly PayloadSerialization _serialization;
    private readonly ILoggingAdapter _log;
    private readonly SemaphoreSlim _gate;

    // The newest save per persistence id. Saves of one id run one after the other in the order they were
    // asked for, so a burst of saves at the same sequence number leaves the last one stored.
    private readonly ConcurrentDictionary<string, Task> _saves = new(StringComparer.Ordinal);
    private readonly string _loadSql;
    private readonly string _saveSql;
    private readonly string _deleteOneSql;
    private readonly string _deleteManySql;

    /// <summary>Akka's constructor for a plugin: <paramref name="config"/> is the plugin's HOCON section.</summary>
    public SqlSnapshotStore(Config config)
    {
        var settings = SqlSettingsBinder.SnapshotStore(config);
        var system = (ExtendedActorSystem)Context.System;
        var clock = system.Scheduler;
        _log = Context.GetLogger();
        _serialization = new PayloadSerialization(system);
        _database = SqlDatabase.Open(settings.Provider, settings.ConnectionString, settings.Schema, settings.AutoInitialize, () => clock.Now.UtcTicks);
        _gate = new SemaphoreSlim(settings.Parallelism, settings.Parallelism);
        var table = _database.Snapshot;
        const string Matches = "persistence_id = @pid AND sequence_number <= @maxSeq AND sequence_number >= @minSeq AND created <= @maxTs AND created >= @minTs";
        _loadSql = $"SELECT {Columns} FROM {table} WHERE {Matches} ORDER BY sequence_number DESC LIMIT 1";
        _saveSql = $"""
            INSERT INTO {table} ({Columns}) VALUES (@pid, @seq, @created, @snapshot, @manifest, @serializer)
            ON CONFLICT (persistence_id, sequence_number) DO UPDATE SET
                created = excluded.created, snapshot = excluded.snapshot, manifest = excluded.manifest, serializer_id = excluded.serializer_id
            """;
        _deleteOneSql = $"DELETE FROM {table} WHERE persistence_id = @pid AND sequence_number = @seq AND (@anyTime OR created <= @maxTs)";
        _deleteManySql = $"DELETE FROM {table} WHERE {Matches}";
    }

    protected override async Task<SelectedSnapshot> LoadAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = WithCriteria(connection.CreateCommand(_loadSql), persistenceId, criteria);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return null!;
            }

            var sequenceNr = reader.GetInt64(1);
            var metadata = new SnapshotMetadata(persistenceId, sequenceNr, new DateTime(reader.GetInt64(2), DateTimeKind.Utc));
            int? serializerId = reader.IsDBNull(5) ? null : reader.GetInt32(5);
            var snapshot = _serialization.Deserialize(reader.GetFieldValue<byte[]>(3), serializerId, reader.GetString(4), persistenceId, sequenceNr);
            return new SelectedSnapshot(metadata, snapshot);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override Task SaveAsync(SnapshotMetadata metadata, object snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(snapshot);
        var payload = _serialization.Serialize(snapshot);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var previous = Task.CompletedTask;
        _saves.AddOrUpdate(metadata.PersistenceId, done.Task, (_, last) =>
        {
            previous = last;
            return done.Task;
        });
        return SaveAfterAsync(previous, done, metadata, payload, cancellationToken);
    }

    protected override async Task DeleteAsync(SnapshotMetadata metadata, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = connection.CreateCommand(_deleteOneSql)
                .With("@pid", metadata.PersistenceId)
                .With("@seq", metadata.SequenceNr)
                .With("@anyTime", metadata.Timestamp == DateTime.MinValue)
                .With("@maxTs", metadata.Timestamp.Ticks);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override async Task DeleteAsync(string persistenceId, SnapshotSelectionCriteria criteria, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        await EnterAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = WithCriteria(connection.CreateCommand(_deleteManySql), persistenceId, criteria);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    protected override void PostStop()
    {
        // An actor cannot await: the connection pool is closed in the background.
        _ = CloseAsync();
        base.PostStop();
    }

    private async Task CloseAsync()
    {
        try
        {
            await _database.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception error)
        {
            SqlPersistenceLog.CloseFailed(_log, error, "snapshot store");
        }
    }

    private async Task SaveAfterAsync(Task previous, TaskCompletionSource done, SnapshotMetadata metadata, SerializedPayload payload, CancellationToken cancellationToken)
    {
        try
        {
            await previous.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
            await EnterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
                await using var command = connection.CreateCommand(_saveSql)
                    .With("@pid", metadata.PersistenceId)
                    .With("@seq", metadata.SequenceNr)
                    .With("@created", metadata.Timestamp.Ticks)
                    .With("@snapshot", payload.Bytes)
                    .With("@manifest", payload.Manifest)
                    .With("@serializer", payload.SerializerId);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            done.TrySetResult();
            _saves.TryRemove(new KeyValuePair<string, Task>(metadata.PersistenceId, done.Task));
        }
    }

    private static DbCommand WithCriteria(DbCommand command, string persistenceId, SnapshotSelectionCriteria criteria) =>
        command.With("@pid", persistenceId)
            .With("@maxSeq", criteria.MaxSequenceNr)
            .With("@minSeq", criteria.MinSequenceNr)
            .With("@maxTs", criteria.MaxTimeStamp.Ticks)
            .With("@minTs", (criteria.MinTimestamp ?? DateTime.MinValue).Ticks);

    /// <summary>Leaves the caller's thread (SQLite completes synchronously), ensures the schema, takes a slot.</summary>
    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        cancellationToken.ThrowIfCancellationRequested();
        await _database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
    }
}
