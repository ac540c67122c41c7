using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Query;

public sealed class SqliteReadJournalTests() : ReadJournalContractTests(new SqliteTestDatabase());
