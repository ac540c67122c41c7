using System.Text.Json.Nodes;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Persistence.Sql.Tests.Infrastructure;
using FundingArb.Persistence.Sql.Tests.Journal;

namespace FundingArb.Persistence.Sql.Tests.Serialization;

public sealed class EventManifestRegistryTests
{
    [Fact]
    public void Serialize_RegisteredEvent_StoresItsManifestNotItsTypeName()
    {
        var registry = new EventManifestRegistry().Register<TestPayload>("payload.v1");

        var stored = registry.Serialize(new TestPayload("a", 1.10m));

        Assert.Equal("payload.v1", stored.Manifest);
        Assert.DoesNotContain("TestPayload", System.Text.Encoding.UTF8.GetString(stored.Json), StringComparison.Ordinal);
        Assert.Equal(new TestPayload("a", 1.10m), registry.Deserialize(stored.Manifest, stored.Json, "p", 1));
    }

    [Fact]
    public void Serialize_UnregisteredEvent_ThrowsNamingTheType()
    {
        var registry = new EventManifestRegistry();

        var error = Assert.Throws<EventNotRegisteredException>(() => registry.Serialize(new NotRegistered(1)));

        Assert.Equal(typeof(NotRegistered), error.EventType);
        Assert.Contains(nameof(NotRegistered), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_TypeUnderSecondManifest_Throws()
    {
        var registry = new EventManifestRegistry().Register<TestPayload>("payload.v1");

        Assert.Throws<InvalidOperationException>(() => registry.Register<TestPayload>("payload.v2"));
        Assert.Throws<InvalidOperationException>(() => registry.Register<LegacyPayload>("payload.v1"));
    }

    [Fact]
    public void Register_SameTypeAndManifestTwice_IsAccepted()
    {
        var registry = new EventManifestRegistry().Register<TestPayload>("payload.v1");

        registry.Register<TestPayload>("payload.v1");

        Assert.True(registry.TryGetManifest(typeof(TestPayload), out var manifest));
        Assert.Equal("payload.v1", manifest);
    }

    [Fact]
    public void Deserialize_ChainOfJsonUpcasters_ReachesTheCurrentType()
    {
        var registry = new EventManifestRegistry()
            .Register<TestPayload>("payload.v2")
            .RegisterUpcaster("payload.v0", "payload.v1", json => new JsonObject { ["name"] = json["text"]!.GetValue<string>() })
            .RegisterUpcaster("payload.v1", "payload.v2", json => new JsonObject { ["text"] = json["name"]!.GetValue<string>(), ["amount"] = 7m });

        var value = registry.Deserialize("payload.v0", """{"text":"old"}"""u8.ToArray(), "p", 3);

        Assert.Equal(new TestPayload("old", 7m), value);
    }

    [Fact]
    public void Deserialize_UpcasterBuildingTheEvent_ReturnsIt()
    {
        var registry = new EventManifestRegistry()
            .Register<TestPayload>("payload.v1")
            .RegisterUpcaster("payload.v0", json => new TestPayload(json["text"]!.GetValue<string>(), 0m));

        var value = registry.Deserialize("payload.v0", """{"text":"old"}"""u8.ToArray(), "p", 3);

        Assert.Equal(new TestPayload("old", 0m), value);
    }

    [Fact]
    public void Deserialize_UnknownManifest_ThrowsNamingManifestIdAndSequenceNr()
    {
        var registry = new EventManifestRegistry();

        var error = Assert.Throws<EventDeserializationException>(() => registry.Deserialize("gone.v9", "{}"u8.ToArray(), "pair-1", 42));

        Assert.Equal("gone.v9", error.Manifest);
        Assert.Equal("pair-1", error.PersistenceId);
        Assert.Equal(42, error.SequenceNr);
        Assert.Contains("'gone.v9'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_JsonThatDoesNotFit_ThrowsNamingTheManifest()
    {
        var registry = new EventManifestRegistry().Register<TestPayload>("payload.v1");

        var error = Assert.Throws<EventDeserializationException>(() => registry.Deserialize("payload.v1", """{"amount":"not a number"}"""u8.ToArray(), "p", 1));

        Assert.Equal("payload.v1", error.Manifest);
    }
}
