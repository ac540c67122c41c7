using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Compatibility;

public sealed class SqliteAkkaPersistenceSqlCompatibilityTests() : AkkaPersistenceSqlCompatibilityTests(new SqliteTestDatabase());
