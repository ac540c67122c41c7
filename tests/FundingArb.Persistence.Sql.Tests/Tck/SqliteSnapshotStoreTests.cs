using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

public sealed class SqliteSnapshotStoreTests() : SnapshotStoreContractTests(new SqliteTestDatabase());
