using FundingArb.Persistence.Sql.Tests.Infrastructure;

namespace FundingArb.Persistence.Sql.Tests.Tck;

public sealed class MemoryJournalTests : JournalContractTests
{
    protected override TestStores CreateStores() => new MemoryTestStores();
}
