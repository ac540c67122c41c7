namespace FundingArb.Persistence.Sql.Migration;

/// <summary>
/// A payload as a row stores it: the serializer id (<c>identifier</c> / <c>serializer_id</c>), the string manifest
/// and the bytes. The previous version's rows carry serializer id <see cref="JournalMigration.LegacySerializerId"/>.
/// </summary>
public sealed record StoredPayload(int? SerializerId, string Manifest, byte[] Bytes);
