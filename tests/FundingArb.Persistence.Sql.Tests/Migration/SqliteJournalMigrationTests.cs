using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Migration;

public sealed class SqliteJournalMigrationTests() : JournalMigrationContractTests(new SqliteTestDatabase());
