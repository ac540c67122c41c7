using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Actors;

public sealed class PostgreSqlPersistentActorTests() : PersistentActorContractTests(new PostgreSqlTestDatabase());
