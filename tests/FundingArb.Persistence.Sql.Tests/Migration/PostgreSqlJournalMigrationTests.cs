using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Migration;

public sealed class PostgreSqlJournalMigrationTests() : JournalMigrationContractTests(new PostgreSqlTestDatabase());
