using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace FundingArb.Persistence.Sql.Tests.Infrastructure;

/// <summary>
/// The tests' own event serializer: System.Text.Json under stable manifest names, as the node's serializer in
/// FundingArb.Actors will be. Bound to <see cref="object"/> in the tests' systems, so a type it does not know
/// fails to serialise (the journal rejects that write). Reads the old manifest <c>test.payload.v0</c> by upcasting.
/// </summary>
public sealed class TestSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 9001;

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<Type, string> s_manifests = new()
    {
        [typeof(string)] = "test.string",
        [typeof(byte[])] = "test.bytes",
        [typeof(int)] = "test.int",
        [typeof(TestPayload)] = "test.payload.v1",
        [typeof(LedgerState)] = "test.ledger-state.v1",
    };

    private static readonly Dictionary<string, Type> s_types = s_manifests.ToDictionary(p => p.Value, p => p.Key);

    public override int Identifier => Id;

    public override string Manifest(object o) =>
        s_manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType().Name} has no manifest in the test serializer.");

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), s_options);

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (manifest == "test.payload.v0")
        {
            var old = JsonNode.Parse(bytes)!;
            return new TestPayload(old["text"]!.GetValue<string>(), 0m);
        }

        return s_types.TryGetValue(manifest, out var type)
            ? JsonSerializer.Deserialize(bytes, type, s_options)!
            : throw new SerializationException($"Unknown manifest '{manifest}' ({Encoding.UTF8.GetString(bytes)}).");
    }
}
