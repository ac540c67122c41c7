using Akka.Actor;
using Akka.Serialization;
using FundingArb.Actors.Journaling;
using Microsoft.Data.Sqlite;

namespace FundingArb.Node.Tests.Safety;

/// Writes and damages rows of a node's SQLite journal directly, as a bug, an old version or a bad disk would leave them.
internal sealed class JournalRows(string dataDirectory)
{
    private string Connection => $"Data Source={Path.Combine(dataDirectory, "journal.db")};Pooling=false";

    /// Appends events to the persistence id, numbered from its next sequence number, as the node's journal stores them.
    public async Task AppendAsync(string persistenceId, params object[] events)
    {
        using var system = ActorSystem.Create("journal-rows", EventSerializer.Config);
        await using var connection = new SqliteConnection(Connection);
        await connection.OpenAsync();
        foreach (var @event in events)
        {
            var serializer = system.Serialization.FindSerializerFor(@event);
            await using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO journal (deleted, persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid)
                VALUES (0, $pid, (SELECT COALESCE(MAX(sequence_number), 0) + 1 FROM journal WHERE persistence_id = $pid), 0, $message, $identifier, $manifest, 'test')
                """;
            command.Parameters.AddWithValue("$pid", persistenceId);
            command.Parameters.AddWithValue("$message", serializer.ToBinary(@event));
            command.Parameters.AddWithValue("$identifier", serializer.Identifier);
            command.Parameters.AddWithValue("$manifest", Serialization.ManifestFor(serializer, @event));
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
