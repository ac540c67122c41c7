namespace FundingArb.Trading.Instruments;

/// A venue's id as written in config (`binance`, `hyperliquid`). Compared ordinally, so two spellings are two venues.
public readonly record struct VenueId
{
    private readonly string? _value;

    public VenueId(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;
}
