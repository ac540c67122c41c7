using FundingArb.Persistence.Sql.Journal;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Sqlite;

/// <summary>
/// SQLite's single writer: one connection that stays open with its insert statements prepared, one
/// <c>BEGIN IMMEDIATE</c> transaction per batch. SQLite runs in-process and synchronously, so a prepared
/// single-row insert executed per row is as fast as a multi-row statement and needs no parameter limit.
/// After any error the connection is closed and opened afresh for the next batch. The connection and its
/// commands belong to one <see cref="SqliteWriterThread"/>: every batch, and the close, run there.
/// </summary>
internal sealed class SqliteJournalBatchWriter(SqliteDatabase database, string synchronous) : JournalBatchWriter
{
    private const string Columns = "persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid";
    private const string Values = "@pid, @seq, @created, @message, @identifier, @manifest, @writer";

    private readonly SqliteWriterThread _thread = new("fundingarb-sqlite-journal-writer");
    private SqliteConnection? _connection;
    private SqliteCommand? _insert;
    private SqliteCommand? _insertReturning;
    private SqliteCommand? _insertTag;

    public override Task WriteAsync(IReadOnlyList<PendingWrite> batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return _thread.RunAsync(() =>
        {
            try
            {
                Write(batch);
            }
            catch
            {
                Close();
                throw;
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await _thread.RunAsync(Close).ConfigureAwait(false);
        await _thread.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }

    private void Write(IReadOnlyList<PendingWrite> batch)
    {
        var connection = _connection ?? Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        _insert!.Transaction = transaction;
        _insertReturning!.Transaction = transaction;
        _insertTag!.Transaction = transaction;
        foreach (var write in batch)
        {
            foreach (var row in write.Rows)
            {
                var tagged = !row.Tags.IsDefaultOrEmpty;
                var command = tagged ? _insertReturning : _insert;
                var p = command.Parameters;
                p[0].Value = row.PersistenceId;
                p[1].Value = row.SequenceNr;
                p[2].Value = row.Created;
                p[3].Value = row.Message;
                p[4].Value = row.SerializerId;
                p[5].Value = row.Manifest;
                p[6].Value = (object?)row.WriterUuid ?? DBNull.Value;
                if (!tagged)
                {
                    command.ExecuteNonQuery();
                    continue;
                }

                var ordering = (long)command.ExecuteScalar()!;
                foreach (var tag in row.Tags)
                {
                    var t = _insertTag.Parameters;
                    t[0].Value = ordering;
                    t[1].Value = tag;
                    t[2].Value = row.PersistenceId;
                    t[3].Value = row.SequenceNr;
                    _insertTag.ExecuteNonQuery();
                }
            }
        }

        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(database.ConnectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = $"PRAGMA journal_mode=WAL; PRAGMA synchronous={synchronous}";
            pragma.ExecuteNonQuery();
        }

        _insert = Prepare(connection, $"INSERT INTO {database.Journal} ({Columns}) VALUES ({Values})", "@pid", "@seq", "@created", "@message", "@identifier", "@manifest", "@writer");
        _insertReturning = Prepare(connection, $"INSERT INTO {database.Journal} ({Columns}) VALUES ({Values}) RETURNING ordering", "@pid", "@seq", "@created", "@message", "@identifier", "@manifest", "@writer");
        _insertTag = Prepare(connection, $"INSERT INTO {database.Tags} (ordering_id, tag, persistence_id, sequence_nr) VALUES (@ordering, @tag, @pid, @seq)", "@ordering", "@tag", "@pid", "@seq");
        _connection = connection;
        return connection;
    }

    private static SqliteCommand Prepare(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private void Close()
    {
        _insert?.Dispose();
        _insertReturning?.Dispose();
        _insertTag?.Dispose();
        _connection?.Dispose();
        (_insert, _insertReturning, _insertTag, _connection) = (null, null, null, null);
    }
}
