namespace FundingArb.Persistence.Sql.Serialization;

/// <summary>A payload as stored: its manifest and its UTF-8 JSON.</summary>
internal readonly record struct SerializedPayload(string Manifest, byte[] Json)
{
    /// <summary>The <c>identifier</c>/<c>serializer_id</c> column: 1 is System.Text.Json under a manifest.</summary>
    public const int SerializerId = 1;
}
