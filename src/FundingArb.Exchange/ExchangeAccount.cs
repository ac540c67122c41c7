namespace FundingArb.Exchange;

/// The one account a simulated exchange serves: the key a client signs with, its secret and, for the protocols that
/// have one, its passphrase. The balances are the venues' own (each venue's `balances`).
public sealed record ExchangeAccount(string ApiKey, string ApiSecret, string? Passphrase)
{
    /// Never the secret or the passphrase: records print every member, and accounts reach logs.
    public override string ToString() => $"account {ApiKey}";
}
