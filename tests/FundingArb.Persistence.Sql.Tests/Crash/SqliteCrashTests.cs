using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Crash;

public sealed class SqliteCrashTests : CrashContractTests
{
    protected override TestStores CreateStores() => new SqliteTestStores();

    protected override (string Provider, string ConnectionString, string Schema) Target(TestStores stores) =>
        ("sqlite", ((SqliteTestStores)stores).ConnectionString, "public");
}
