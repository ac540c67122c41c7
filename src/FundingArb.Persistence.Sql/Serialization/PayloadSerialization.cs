using Akka.Actor;
using AkkaSerialization = Akka.Serialization.Serialization;

namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>
/// Events and snapshots through Akka's serialization, stored the way Akka.Persistence.Sql stores them: the
/// serializer's id, its string manifest (a <c>SerializerWithStringManifest</c>'s own; the type name only for a
/// serializer that asks for one; empty otherwise) and the bytes. So either plugin reads the other's rows.
/// </summary>
internal sealed class PayloadSerialization(ExtendedActorSystem system)
{
    private readonly AkkaSerialization _serialization = system.Serialization;

    /// <summary>Serialises <paramref name="payload"/>; any exception means it was not (a rejection, not a failure).</summary>
    public SerializedPayload Serialize(object payload)
    {
        var serializer = _serialization.FindSerializerFor(payload);

        // Under the transport information, as Akka's own journals do, so an actor ref in a payload is written with its full address.
        var bytes = AkkaSerialization.WithTransport(system, (serializer, payload), static s => s.serializer.ToBinary(s.payload));
        return new SerializedPayload(serializer.Identifier, AkkaSerialization.ManifestFor(serializer, payload), bytes);
    }

    /// <summary>Reads a stored payload.</summary>
    /// <exception cref="EventDeserializationException">The row cannot be read; names it.</exception>
    public object Deserialize(byte[] bytes, int? serializerId, string manifest, string persistenceId, long sequenceNr)
    {
        try
        {
            if (serializerId is not { } id)
            {
                throw new InvalidOperationException("The row has no serializer id; rows written without one (by CLR type name) are not read.");
            }

            return _serialization.Deserialize(bytes, id, manifest)
                ?? throw new InvalidOperationException("The serializer returned null.");
        }
        catch (Exception error) when (error is not (OutOfMemoryException or EventDeserializationException))
        {
            throw new EventDeserializationException(persistenceId, sequenceNr, serializerId, manifest, error);
        }
    }
}
