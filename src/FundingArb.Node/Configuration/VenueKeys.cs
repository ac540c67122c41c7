namespace FundingArb.Node.Configuration;

/// A connector's API key, secret and passphrase, read from the environment or a key file at start. ToString names
/// where they came from, never what they are: settings records print their members, and settings reach logs.
public sealed class VenueKeys
{
    public VenueKeys(string apiKey, string apiSecret, string? passphrase, string source)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        ArgumentException.ThrowIfNullOrEmpty(apiSecret);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ApiKey = apiKey;
        ApiSecret = apiSecret;
        Passphrase = passphrase;
        Source = source;
    }

    public string ApiKey { get; }

    public string ApiSecret { get; }

    /// OKX's; null for venues that have none.
    public string? Passphrase { get; }

    /// The variables or the file the keys were read from.
    public string Source { get; }

    public override string ToString() => $"keys from {Source}";
}
