using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Journal;

public sealed class PostgreSqlSqlJournalTests() : SqlJournalContractTests(new PostgreSqlTestDatabase());
