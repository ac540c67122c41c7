namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>A payload as stored: the Akka serializer that wrote it, its string manifest and its bytes.</summary>
internal readonly record struct SerializedPayload(int SerializerId, string Manifest, byte[] Bytes);
