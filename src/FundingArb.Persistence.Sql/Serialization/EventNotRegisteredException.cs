namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>
/// An event or snapshot whose type has no manifest in the <see cref="EventManifestRegistry"/>. The journal
/// rejects the atomic write holding it (it was certainly not stored); the writer carries on.
/// </summary>
public sealed class EventNotRegisteredException : Exception
{
    public EventNotRegisteredException()
    {
    }

    public EventNotRegisteredException(string message)
        : base(message)
    {
    }

    public EventNotRegisteredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EventNotRegisteredException(Type eventType)
        : base($"{eventType?.FullName} has no manifest: register it with EventManifestRegistry.Register<{eventType?.Name}>(\"name.v1\").")
    {
        EventType = eventType;
    }

    /// <summary>The type that is not registered.</summary>
    public Type? EventType { get; }
}
