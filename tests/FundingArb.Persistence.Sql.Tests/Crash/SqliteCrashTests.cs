using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Crash;

public sealed class SqliteCrashTests() : CrashContractTests(new SqliteTestDatabase());
