using FundingArb.Persistence.Sql.Journal;
using Npgsql;
using NpgsqlTypes;

namespace FundingArb.Persistence.Sql.PostgreSql;

/// <summary>
/// PostgreSQL's batch insert: the rows travel as one array per column and <c>unnest</c> turns them back into
/// rows, so the statement text is the same for 1 or 1,000 rows (prepared once) and has a fixed number of
/// parameters. Tagged rows get their tag rows in the same statement, joined on the returned orderings.
/// The advisory lock, the insert and BEGIN go out in one round trip; COMMIT is the second.
/// </summary>
internal sealed class PostgreSqlJournalBatchWriter(PostgreSqlDatabase database) : JournalBatchWriter
{
    private readonly string _insert = $"""
        INSERT INTO {database.Journal} (persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid)
        SELECT p, n, c, m, s, f, w FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bytea[], $5::text[], $6::text[], $7::int[]) AS r(p, n, c, m, f, w, s)
        """;

    private readonly string _insertTagged = $"""
        WITH inserted AS (
            INSERT INTO {database.Journal} (persistence_id, sequence_number, created, message, identifier, manifest, writer_uuid)
            SELECT p, n, c, m, s, f, w FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::bytea[], $5::text[], $6::text[], $7::int[]) AS r(p, n, c, m, f, w, s)
            RETURNING ordering, persistence_id, sequence_number)
        INSERT INTO {database.Tags} (ordering_id, tag, persistence_id, sequence_nr)
        SELECT i.ordering, t.tag, t.p, t.n
        FROM inserted i JOIN unnest($8::text[], $9::bigint[], $10::text[]) AS t(p, n, tag) ON i.persistence_id = t.p AND i.sequence_number = t.n
        """;

    public override async Task WriteAsync(IReadOnlyList<PendingWrite> batch, CancellationToken cancellationToken)
    {
        var count = 0;
        var tagCount = 0;
        foreach (var write in batch)
        {
            foreach (var row in write.Rows)
            {
                count++;
                tagCount += row.Tags.IsDefault ? 0 : row.Tags.Length;
            }
        }

        var pids = new string[count];
        var seqs = new long[count];
        var created = new long[count];
        var messages = new byte[count][];
        var manifests = new string[count];
        var writers = new string?[count];
        var serializers = new int[count];
        var tagPids = new string[tagCount];
        var tagSeqs = new long[tagCount];
        var tags = new string[tagCount];
        var i = 0;
        var t = 0;
        foreach (var write in batch)
        {
            foreach (var row in write.Rows)
            {
                (pids[i], seqs[i], created[i], messages[i], manifests[i], writers[i], serializers[i]) =
                    (row.PersistenceId, row.SequenceNr, row.Created, row.Message, row.Manifest, row.WriterUuid, row.SerializerId);
                i++;
                if (!row.Tags.IsDefault)
                {
                    foreach (var tag in row.Tags)
                    {
                        (tagPids[t], tagSeqs[t], tags[t]) = (row.PersistenceId, row.SequenceNr, tag);
                        t++;
                    }
                }
            }
        }

        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlBatch(connection, transaction);
        var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)");
        lockCommand.Parameters.Add(new NpgsqlParameter<long> { TypedValue = database.JournalLockKey });
        var insert = new NpgsqlBatchCommand(tagCount == 0 ? _insert : _insertTagged);
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = pids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = seqs });
        insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = created });
        insert.Parameters.Add(new NpgsqlParameter<byte[][]> { TypedValue = messages, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = manifests, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<string?[]> { TypedValue = writers, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        insert.Parameters.Add(new NpgsqlParameter<int[]> { TypedValue = serializers });
        if (tagCount > 0)
        {
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tagPids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            insert.Parameters.Add(new NpgsqlParameter<long[]> { TypedValue = tagSeqs });
            insert.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = tags, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        }

        command.BatchCommands.Add(lockCommand);
        command.BatchCommands.Add(insert);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
