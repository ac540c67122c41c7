using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Journal;

public sealed class SqliteSqlJournalTests() : SqlJournalContractTests(new SqliteTestDatabase());
