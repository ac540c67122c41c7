namespace FundingArb.Persistence.Sql.Schema;

/// <summary>One step of the schema: its version, what it does, and its DDL statements.</summary>
internal sealed record SchemaMigration(int Version, string Description, IReadOnlyList<string> Statements);
