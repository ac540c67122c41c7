using FundingArb.Venues.Hocon;

namespace FundingArb.Node.Configuration;

/// hocon/reference.conf, embedded in this assembly: every key with its default, under the user's configuration
/// wherever the node runs.
public static class ReferenceConfig
{
    public const string ResourceName = "FundingArb.Node.reference.conf";

    /// Its ${?FUNDINGARB_...} lines take their values from environment.
    public static HoconDocument Load(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        using var stream = typeof(ReferenceConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The node assembly lacks its embedded {ResourceName}.");
        using var reader = new StreamReader(stream);
        return HoconDocument.Parse(reader.ReadToEnd(), "reference.conf", environment);
    }
}
