using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;
using Akka.Actor;
using Akka.Configuration;
using Akka.Serialization;

namespace FundingArb.Actors.Wire;

// Messages between nodes carry a manifest of ours (place-order.v1), never a CLR type name, so a renamed record still
// reads, and a node of the previous release still understands the messages both know. A message without data
// (GetExecutors.Instance) is its manifest alone and reads back as the same instance.

/// Akka serializer of every IClusterMessage: JSON under the message's stable manifest (ClusterMessageManifests).
public sealed class ClusterMessageSerializer : SerializerWithStringManifest
{
    /// The identifier remote envelopes carry (Akka reserves 0-40; the journal's EventSerializer is 1001).
    public const int Id = 1002;

    private static readonly FrozenDictionary<Type, string> s_manifests = ClusterMessageManifests.All.ToFrozenDictionary(p => p.Key, p => p.Value);
    private static readonly FrozenDictionary<string, Type> s_types = ClusterMessageManifests.All.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    private static readonly FrozenDictionary<Type, object> s_singletons = ClusterMessageManifests.All
        .Select(p => (Type: p.Key, Instance: p.Key.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)))
        .Where(p => p.Instance?.PropertyType == p.Type)
        .ToFrozenDictionary(p => p.Type, p => p.Instance!.GetValue(null)!);

    private readonly JsonSerializerOptions _options;

    public ClusterMessageSerializer(ExtendedActorSystem system)
        : base(system) => _options = ClusterJson.CreateOptions(system);

    /// Binds IClusterMessage to this serializer and turns Akka's fallback off: a type with no binding of its own is a
    /// SerializationException naming it when it is sent to another node, never Newtonsoft JSON with its CLR type name.
    /// Laid over a node's configuration (and the console's, which speaks to the nodes).
    public static Config Config { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.fundingarb-messages = "{{typeof(ClusterMessageSerializer).AssemblyQualifiedName}}"
          serialization-bindings { "{{typeof(IClusterMessage).AssemblyQualifiedName}}" = fundingarb-messages }
          serialization-identifiers { "{{typeof(ClusterMessageSerializer).AssemblyQualifiedName}}" = {{Id}} }
          serialization-settings.allow-unregistered-types = off
        }
        """);

    public override int Identifier => Id;

    public override string Manifest(object o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return s_manifests.TryGetValue(o.GetType(), out var manifest)
            ? manifest
            : throw new SerializationException($"{o.GetType().Name} is an IClusterMessage with no manifest in ClusterMessageManifests.");
    }

    public override byte[] ToBinary(object obj)
    {
        var manifest = Manifest(obj);
        if (s_singletons.ContainsKey(obj.GetType()))
        {
            return [];
        }

        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);
        }
        catch (Exception unwritable) when (unwritable is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new SerializationException($"{obj.GetType().Name} does not write as '{manifest}': {unwritable.Message}", unwritable);
        }
    }

    public override object FromBinary(byte[] bytes, string manifest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!s_types.TryGetValue(manifest, out var type))
        {
            throw new SerializationException($"No message is sent under manifest '{manifest}'.");
        }

        if (s_singletons.TryGetValue(type, out var instance))
        {
            return bytes.Length == 0 ? instance : throw new SerializationException($"Manifest '{manifest}' carries no data, got {bytes.Length} bytes.");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, type, _options) ?? throw new SerializationException($"The JSON under manifest '{manifest}' is null.");
        }
        catch (Exception unreadable) when (unreadable is JsonException or NotSupportedException or ArgumentException or InvalidOperationException
                                               or FormatException or OverflowException)
        {
            throw new SerializationException($"The JSON under manifest '{manifest}' does not read as {type.Name}: {unreadable.Message}", unreadable);
        }
    }
}
