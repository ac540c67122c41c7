namespace FundingArb.Persistence.Sql.Migration;

/// <summary>What a <see cref="JournalMigration"/> copied and then verified.</summary>
public sealed record JournalMigrationReport(long JournalRows, long TagRows, long Snapshots, int PersistenceIds);
