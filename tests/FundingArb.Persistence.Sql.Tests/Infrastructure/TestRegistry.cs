using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>The manifests the tests store: strings, bytes and a few records.</summary>
public static class TestRegistry
{
    public static EventManifestRegistry Create() =>
        new EventManifestRegistry()
            .Register<string>("test.string")
            .Register<byte[]>("test.bytes")
            .Register<int>("test.int")
            .Register<TestPayload>("test.payload.v1")
            .Register<LedgerState>("test.ledger-state.v1");
}
