using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Crash;

public sealed class PostgreSqlCrashTests : CrashContractTests
{
    protected override TestStores CreateStores() => new PostgreSqlTestStores();

    protected override (string Provider, string ConnectionString, string Schema) Target(TestStores stores) =>
        ("postgresql", PostgreSqlTestStores.ServerConnectionString, ((PostgreSqlTestStores)stores).Schema);
}
