using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

public sealed class SqliteSaveSnapshotTests : SaveSnapshotContractTests
{
    protected override TestStores CreateStores() => new SqliteTestStores();
}
