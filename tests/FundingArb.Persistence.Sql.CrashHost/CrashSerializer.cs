using System.Text.Json;
using Akka.Actor;
using System.Runtime.Serialization;
using Akka.Serialization;

namespace FundingArb.Persistence.Sql.CrashHost;

/// <summary>Serialises <see cref="CrashEvent"/> as JSON under the manifest <c>crash-event.v1</c>; the crash test reads with it too.</summary>
public sealed class CrashSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const string Hocon = """
        akka.actor {
          serializers.crash = "FundingArb.Persistence.Sql.CrashHost.CrashSerializer, FundingArb.Persistence.Sql.CrashHost"
          serialization-bindings { "FundingArb.Persistence.Sql.CrashHost.CrashEvent, FundingArb.Persistence.Sql.CrashHost" = crash }
        }
        """;

    public override int Identifier => 9002;

    public override string Manifest(object o) => o is CrashEvent ? "crash-event.v1" : throw new SerializationException($"Not a crash event: {o.GetType().Name}");

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes((CrashEvent)obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        manifest == "crash-event.v1" ? JsonSerializer.Deserialize<CrashEvent>(bytes)! : throw new SerializationException($"Unknown manifest '{manifest}'.");
}
