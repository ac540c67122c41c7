namespace FundingArb.Trading.Instruments;

/// A venue's own market symbol (`BTCUSDT`, `BTC-USD-SWAP`); the venue connector maps it, this library only carries it.
public readonly record struct Symbol
{
    private readonly string? _value;

    public Symbol(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        _value = value;
    }

    public string Value => _value ?? string.Empty;

    public override string ToString() => Value;
}
