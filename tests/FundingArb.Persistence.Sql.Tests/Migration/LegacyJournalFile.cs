using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace FundingArb.Persistence.Sql.Tests.Migration;

/// <summary>
/// A journal file as the previous version's node wrote it: the same tables, payloads as System.Text.Json (web
/// defaults) under the manifest names of its EventManifestRegistry, serializer id 1.
/// </summary>
internal sealed class LegacyJournalFile : IDisposable
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-legacy-").FullName;

    public LegacyJournalFile()
    {
        File = Path.Combine(_folder, "fundingarb.db");
        ConnectionString = $"Data Source={File};Pooling=False";
    }

    public string File { get; }

    public string ConnectionString { get; }

    /// <summary>Creates the tables through the plugin's own schema (unchanged since the previous version).</summary>
    public async Task CreateAsync()
    {
        await using var database = SqlDatabase.Open(SqlProvider.Sqlite, ConnectionString, "public", autoInitialize: true, () => 638_000_000_000_000_000L);
        await database.EnsureSchemaAsync(CancellationToken.None);
    }

    public async Task<long> AddEventAsync(string persistenceId, long sequenceNr, object payload, string manifest, bool deleted = false, params string[] tags)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new SqliteCommand("""
            INSERT INTO journal (persistence_id, sequence_number, created, deleted, message, identifier, manifest, writer_uuid)
            VALUES (@pid, @seq, @created, @deleted, @message, 1, @manifest, 'old-writer') RETURNING ordering
            """, connection);
        insert.Parameters.AddWithValue("@pid", persistenceId);
        insert.Parameters.AddWithValue("@seq", sequenceNr);
        insert.Parameters.AddWithValue("@created", 638_000_000_000_000_000L + sequenceNr);
        insert.Parameters.AddWithValue("@deleted", deleted);
        insert.Parameters.AddWithValue("@message", JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), s_json));
        insert.Parameters.AddWithValue("@manifest", manifest);
        var ordering = (long)(await insert.ExecuteScalarAsync())!;
        foreach (var tag in tags)
        {
            await using var insertTag = new SqliteCommand("INSERT INTO tags (ordering_id, tag, persistence_id, sequence_nr) VALUES (@o, @t, @p, @s)", connection);
            insertTag.Parameters.AddWithValue("@o", ordering);
            insertTag.Parameters.AddWithValue("@t", tag);
            insertTag.Parameters.AddWithValue("@p", persistenceId);
            insertTag.Parameters.AddWithValue("@s", sequenceNr);
            await insertTag.ExecuteNonQueryAsync();
        }

        return ordering;
    }

    public async Task AddSnapshotAsync(string persistenceId, long sequenceNr, object snapshot, string manifest)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var insert = new SqliteCommand(
            "INSERT INTO snapshot (persistence_id, sequence_number, created, snapshot, manifest, serializer_id) VALUES (@pid, @seq, 638000000000000000, @snapshot, @manifest, 1)",
            connection);
        insert.Parameters.AddWithValue("@pid", persistenceId);
        insert.Parameters.AddWithValue("@seq", sequenceNr);
        insert.Parameters.AddWithValue("@snapshot", JsonSerializer.SerializeToUtf8Bytes(snapshot, snapshot.GetType(), s_json));
        insert.Parameters.AddWithValue("@manifest", manifest);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A hash of the database file and its write-ahead log, to show the old data was left alone (a read-only reader
    /// of a WAL-mode file may still create an empty log and its shared-memory index, <c>-shm</c>, which hold no data).
    /// </summary>
    public string Fingerprint() => string.Join(",", new[] { File, File + "-wal" }.Where(f => System.IO.File.Exists(f) && new FileInfo(f).Length > 0)
        .Select(f => $"{Path.GetFileName(f)}:{Convert.ToHexString(SHA256.HashData(System.IO.File.ReadAllBytes(f)))}"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
