using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Compatibility;

public sealed class PostgreSqlAkkaPersistenceSqlCompatibilityTests() : AkkaPersistenceSqlCompatibilityTests(new PostgreSqlTestDatabase());
