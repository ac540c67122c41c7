using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Serialization;

namespace FundingArb.Benchmarks.Persistence;

/// <summary>
/// <see cref="BenchEvent"/> as System.Text.Json (source-generated) under the manifest <c>bench.event.v1</c>, as the
/// node's own event serializer will write its events.
/// </summary>
public sealed class BenchSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 9101;
    public const string EventManifest = "bench.event.v1";

    public const string Hocon = """
        akka.actor {
          serializers.bench = "FundingArb.Benchmarks.Persistence.BenchSerializer, FundingArb.Benchmarks"
          serialization-bindings { "FundingArb.Benchmarks.Persistence.BenchEvent, FundingArb.Benchmarks" = bench }
        }
        """;

    public override int Identifier => Id;

    public static byte[] Serialize(BenchEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, BenchJsonContext.Default.BenchEvent);

    public override string Manifest(object o) => o is BenchEvent ? EventManifest : throw new SerializationException($"Not a bench event: {o.GetType().Name}");

    public override byte[] ToBinary(object obj) => Serialize((BenchEvent)obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest == EventManifest ? JsonSerializer.Deserialize(bytes, BenchJsonContext.Default.BenchEvent)! : throw new SerializationException($"Unknown manifest '{manifest}'.");
}
