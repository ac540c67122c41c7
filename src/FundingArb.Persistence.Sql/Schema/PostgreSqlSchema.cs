namespace FundingArb.Persistence.Sql.Schema;

/// <summary>
/// The PostgreSQL schema, with Akka.Persistence.Sql's default table and column names and types
/// (<c>ordering</c> is <c>BIGINT GENERATED ALWAYS AS IDENTITY</c>, timestamps are BIGINT UTC ticks).
/// </summary>
internal static class PostgreSqlSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations(string schema) =>
    [
        new(1, "journal, tags and snapshot tables",
        [
            $"""
            CREATE TABLE IF NOT EXISTS "{schema}".journal (
                ordering BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                deleted BOOLEAN NOT NULL DEFAULT FALSE,
                persistence_id VARCHAR(255) NOT NULL,
                sequence_number BIGINT NOT NULL,
                created BIGINT NOT NULL,
                message BYTEA NOT NULL,
                identifier INTEGER,
                manifest VARCHAR(500) NOT NULL,
                writer_uuid VARCHAR(128),
                CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number))
            """,
            $"""
            CREATE TABLE IF NOT EXISTS "{schema}".tags (
                ordering_id BIGINT NOT NULL,
                tag VARCHAR(64) NOT NULL,
                persistence_id VARCHAR(255) NOT NULL,
                sequence_nr BIGINT NOT NULL,
                PRIMARY KEY (ordering_id, tag))
            """,
            $"""CREATE INDEX IF NOT EXISTS tags_tag_idx ON "{schema}".tags (tag, ordering_id)""",
            $"""
            CREATE TABLE IF NOT EXISTS "{schema}".snapshot (
                persistence_id VARCHAR(255) NOT NULL,
                sequence_number BIGINT NOT NULL,
                created BIGINT NOT NULL,
                snapshot BYTEA NOT NULL,
                manifest VARCHAR(500) NOT NULL,
                serializer_id INTEGER,
                PRIMARY KEY (persistence_id, sequence_number))
            """,
        ]),
    ];
}
