using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;

namespace FundingArb.Actors.Wire;

/// An actor reference as its path with the address of the node that owns it (Akka's SerializedActorPath), resolved on
/// the reading node through its actor-ref provider, so a reply told to it travels back across the cluster.
internal sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
{
    public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var path = reader.GetString();
        return string.IsNullOrEmpty(path) ? ActorRefs.Nobody : system.Provider.ResolveActorRef(path);
    }

    public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
    }
}
