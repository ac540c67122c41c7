using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;

namespace FundingArb.Actors.Journaling;

// Stored events carry a manifest of ours (pair-opened.v1), never a CLR type name, so a renamed class keeps reading its
// rows; a changed shape gets a new manifest. System.Text.Json with the web defaults, as the previous journal wrote
// them: an added optional field reads its default from older rows, and unknown fields are skipped.

/// Akka serializer of every IJournalEvent (and only those): JSON under the event's stable manifest.
public sealed class EventSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    /// The identifier stored beside each row (Akka reserves 0-40 for itself).
    public const int Id = 1001;

    private static readonly JsonSerializerOptions s_options = new(JsonSerializerDefaults.Web);
    private static readonly Dictionary<Type, string> s_manifests = ActorEventManifests.All.ToDictionary(p => p.Key, p => p.Value);
    private static readonly Dictionary<string, Type> s_types = ActorEventManifests.All.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// Binds the serializer to IJournalEvent: laid over a system's configuration, every persisted event goes through it.
    public static Config Config { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.fundingarb-events = "{{typeof(EventSerializer).AssemblyQualifiedName}}"
          serialization-bindings { "{{typeof(IJournalEvent).AssemblyQualifiedName}}" = fundingarb-events }
          serialization-identifiers { "{{typeof(EventSerializer).AssemblyQualifiedName}}" = {{Id}} }
        }
        """);

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return s_manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType().FullName} has no manifest in ActorEventManifests.");
    }

    public override byte[] ToBinary(object obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        Manifest(obj);
        return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), s_options);
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        if (!s_types.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"No event is stored under manifest '{manifest}'.");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type, s_options) ?? throw new SerializationException($"The JSON under manifest '{manifest}' is null.");
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or ArgumentException)
        {
            throw new SerializationException($"The JSON under manifest '{manifest}' does not read as {type.Name}: {unreadable.Message}", unreadable);
        }
    }
}
