using System.Text.Json;
using FundingArb.Node.Journal;
using Microsoft.Data.Sqlite;

namespace FundingArb.Node.Tests.Safety;

/// Writes and damages rows of a node's SQLite journal directly, as a bug, an old version or a bad disk would leave them.
internal sealed class JournalRows(string dataDirectory)
{
    private string Connection => $"Data Source={Path.Combine(dataDirectory, "fundingarb.db")};Pooling=false";

    /// Appends events to the persistence id, numbered from its next sequence number, as the node's journal stores them.
    public async Task AppendAsync(string persistenceId, params object[] events)
    {
        var registry = JournalRegistry.Create();
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        foreach (var @event in events)
        {
            Assert.True(registry.TryGetManifest(@event.GetType(), out var manifest), $"{@event.GetType().Name} has no manifest");
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO journal (persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid)
                VALUES ($pid, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM journal WHERE persistence_id = $pid), 0, $message, 1, $manifest, 'test')
                """;
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$message", JsonSerializer.SerializeToUtf8Bytes(@event, @event.GetType(), registry.Options));
            command.Parameters.AddWithValue("$manifest", manifest);
            await command.ExecuteNonQueryAsync();
        }
    }

    /// Overwrites the payload of the persistence id's first row stored under the manifest; returns its sequence number.
    public async Task<long> CorruptAsync(string persistenceId, string manifest, string payload)
    {
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE journal SET message = $payload
            WHERE ordering = (SELECT MIN(ordering) FROM journal WHERE persistence_id = $pid AND manifest = $manifest)
            RETURNING sequence_number
            """;
        command.Parameters.AddWithValue("$payload", System.Text.Encoding.UTF8.GetBytes(payload));
        command.Parameters.AddWithValue("$pid", persistenceId);
        command.Parameters.AddWithValue("$manifest", manifest);
        return (long)(await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"{persistenceId} has no row under {manifest}"));
    }
}
