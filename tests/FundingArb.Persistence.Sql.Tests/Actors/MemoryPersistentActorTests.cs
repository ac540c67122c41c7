using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Actors;

public sealed class MemoryPersistentActorTests : PersistentActorContractTests
{
    protected override TestStores CreateStores() => new MemoryTestStores();
}
