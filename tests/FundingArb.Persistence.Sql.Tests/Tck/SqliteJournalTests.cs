using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

public sealed class SqliteJournalTests() : JournalContractTests(new SqliteTestDatabase());
