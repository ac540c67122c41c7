using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>
/// Maps event and snapshot types to stable manifest names and back, and serialises them with
/// System.Text.Json. The journal stores the manifest beside the JSON, never a CLR type name, so a renamed
/// class keeps reading its old rows. Old manifests are read through upcasters, which turn their JSON into a
/// current event. Register everything before the first write or replay; registering is thread-safe.
/// </summary>
/// <example>
/// <code>
/// registry.Register&lt;PairOpened&gt;("pair-opened.v1")
///         .RegisterUpcaster("pair-opened.v0", "pair-opened.v1", json => { json["fee"] ??= 0; return json; });
/// </code>
/// </example>
public sealed class EventManifestRegistry
{
    private readonly ConcurrentDictionary<Type, string> _manifests = new();
    private readonly ConcurrentDictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Upcaster> _upcasters = new(StringComparer.Ordinal);

    /// <summary>A registry serialising with <paramref name="options"/> (the web defaults when null).</summary>
    public EventManifestRegistry(JsonSerializerOptions? options = null)
    {
        Options = options ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Options.MakeReadOnly(populateMissingResolver: true);
    }

    /// <summary>The serializer options every payload is written and read with.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>Stores <typeparamref name="TEvent"/> under <paramref name="manifest"/> (e.g. <c>pair-opened.v1</c>).</summary>
    /// <exception cref="InvalidOperationException">The type or the manifest is already registered to another.</exception>
    public EventManifestRegistry Register<TEvent>(string manifest)
        where TEvent : notnull =>
        Register(typeof(TEvent), manifest);

    /// <summary>Stores <paramref name="type"/> under <paramref name="manifest"/>.</summary>
    /// <exception cref="InvalidOperationException">The type or the manifest is already registered to another.</exception>
    public EventManifestRegistry Register(Type type, string manifest)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        var storedManifest = _manifests.GetOrAdd(type, manifest);
        if (storedManifest != manifest)
        {
            throw new InvalidOperationException($"{type.FullName} is already registered as manifest '{storedManifest}'; it cannot also be '{manifest}'.");
        }

        var storedType = _types.GetOrAdd(manifest, type);
        if (storedType != type)
        {
            throw new InvalidOperationException($"Manifest '{manifest}' is already registered for {storedType.FullName}; it cannot also name {type.FullName}.");
        }

        if (_upcasters.ContainsKey(manifest))
        {
            throw new InvalidOperationException($"Manifest '{manifest}' has an upcaster; a current type cannot use it.");
        }

        return this;
    }

    /// <summary>
    /// Reads rows stored under <paramref name="oldManifest"/> by rewriting their JSON into the JSON of
    /// <paramref name="newManifest"/>, which may itself be upcast further.
    /// </summary>
    public EventManifestRegistry RegisterUpcaster(string oldManifest, string newManifest, Func<JsonNode, JsonNode> upcast)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(newManifest);
        ArgumentNullException.ThrowIfNull(upcast);
        return AddUpcaster(oldManifest, new Upcaster(newManifest, upcast, null));
    }

    /// <summary>Reads rows stored under <paramref name="oldManifest"/> by building the current event from their JSON.</summary>
    public EventManifestRegistry RegisterUpcaster(string oldManifest, Func<JsonNode, object> upcast)
    {
        ArgumentNullException.ThrowIfNull(upcast);
        return AddUpcaster(oldManifest, new Upcaster(null, null, upcast));
    }

    /// <summary>The manifest <paramref name="type"/> is stored under, if registered.</summary>
    public bool TryGetManifest(Type type, out string manifest) => _manifests.TryGetValue(type, out manifest!);

    /// <summary>Serialises <paramref name="payload"/> under its manifest.</summary>
    /// <exception cref="EventNotRegisteredException">Its type has no manifest.</exception>
    /// <exception cref="JsonException">System.Text.Json cannot write it.</exception>
    internal SerializedPayload Serialize(object payload)
    {
        var type = payload.GetType();
        if (!_manifests.TryGetValue(type, out var manifest))
        {
            throw new EventNotRegisteredException(type);
        }

        return new SerializedPayload(manifest, JsonSerializer.SerializeToUtf8Bytes(payload, type, Options));
    }

    /// <summary>Reads a stored payload, upcasting old manifests.</summary>
    /// <exception cref="EventDeserializationException">The manifest is unknown or the JSON does not fit it; names the row.</exception>
    internal object Deserialize(string manifest, byte[] json, string persistenceId, long sequenceNr)
    {
        try
        {
            if (_types.TryGetValue(manifest, out var type))
            {
                return JsonSerializer.Deserialize(json, type, Options)
                    ?? throw new JsonException("The stored JSON is null.");
            }

            return Upcast(manifest, JsonNode.Parse(json) ?? throw new JsonException("The stored JSON is null."));
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException or ArgumentException or KeyNotFoundException)
        {
            throw new EventDeserializationException(manifest, persistenceId, sequenceNr, exception);
        }
    }

    private object Upcast(string manifest, JsonNode json)
    {
        // Bounded so that a cycle of upcasters fails instead of spinning.
        for (var hops = 0; hops < 64; hops++)
        {
            if (_types.TryGetValue(manifest, out var type))
            {
                return json.Deserialize(type, Options) ?? throw new JsonException("The upcast JSON is null.");
            }

            if (!_upcasters.TryGetValue(manifest, out var upcaster))
            {
                throw new KeyNotFoundException($"No type or upcaster is registered for manifest '{manifest}'.");
            }

            if (upcaster.ToEvent is { } toEvent)
            {
                return toEvent(json);
            }

            json = upcaster.ToJson!(json);
            manifest = upcaster.NewManifest!;
        }

        throw new InvalidOperationException($"The upcasters starting at manifest '{manifest}' form a cycle.");
    }

    private EventManifestRegistry AddUpcaster(string oldManifest, Upcaster upcaster)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(oldManifest);
        if (_types.ContainsKey(oldManifest))
        {
            throw new InvalidOperationException($"Manifest '{oldManifest}' names a current type; it cannot be upcast.");
        }

        if (!_upcasters.TryAdd(oldManifest, upcaster))
        {
            throw new InvalidOperationException($"Manifest '{oldManifest}' already has an upcaster.");
        }

        return this;
    }

    private sealed record Upcaster(string? NewManifest, Func<JsonNode, JsonNode>? ToJson, Func<JsonNode, object>? ToEvent);
}
