namespace FundingArb.Persistence.Sql.Schema;

/// <summary>
/// The SQLite schema, with Akka.Persistence.Sql's default table and column names. Timestamps are INTEGER UTC
/// ticks; payloads are UTF-8 JSON in BLOBs. <c>ordering</c> is AUTOINCREMENT so that a number, once given,
/// is never given again: a query that has passed an offset must not meet a new row below it.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "journal, tags and snapshot tables",
        [
            """
            CREATE TABLE IF NOT EXISTS journal (
                ordering INTEGER PRIMARY KEY AUTOINCREMENT,
                deleted INTEGER NOT NULL DEFAULT 0,
                persistence_id TEXT NOT NULL,
                sequence_number INTEGER NOT NULL,
                created INTEGER NOT NULL,
                message BLOB NOT NULL,
                identifier INTEGER,
                manifest TEXT NOT NULL,
                writer_uuid TEXT,
                CONSTRAINT journal_uq UNIQUE (persistence_id, sequence_number))
            """,
            """
            CREATE TABLE IF NOT EXISTS tags (
                ordering_id INTEGER NOT NULL,
                tag TEXT NOT NULL,
                persistence_id TEXT NOT NULL,
                sequence_nr INTEGER NOT NULL,
                PRIMARY KEY (ordering_id, tag))
            """,
            "CREATE INDEX IF NOT EXISTS tags_tag_idx ON tags (tag, ordering_id)",
            """
            CREATE TABLE IF NOT EXISTS snapshot (
                persistence_id TEXT NOT NULL,
                sequence_number INTEGER NOT NULL,
                created INTEGER NOT NULL,
                snapshot BLOB NOT NULL,
                manifest TEXT NOT NULL,
                serializer_id INTEGER,
                PRIMARY KEY (persistence_id, sequence_number))
            """,
        ]),
    ];
}
