namespace FundingArb.Trading.Orders;

/// The id we give an order before sending it; the key that makes a resend after a crash recognisable.
public readonly record struct ClientOrderId
{
    private readonly string? _value;

    public ClientOrderId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public string Value => _value ?? string.Empty;

    /// Deterministic in (persistenceId, sequenceNr), so a replayed executor derives the same id for the same intent
    /// (see ClientOrderIdSource, which an executor keeps to hash its persistence id once).
    public static ClientOrderId Derive(string persistenceId, long sequenceNr) => new ClientOrderIdSource(persistenceId).Derive(sequenceNr);

    public override string ToString() => Value;
}
