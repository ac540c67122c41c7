using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Query;

public sealed class SqliteReadJournalTests : ReadJournalContractTests
{
    protected override TestStores CreateStores() => new SqliteTestStores();
}
