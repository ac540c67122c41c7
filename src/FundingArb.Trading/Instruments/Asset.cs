namespace FundingArb.Trading.Instruments;

/// A currency or token code (`BTC`, `USDT`, `USDC`). USDT and USDC are different assets: nothing here treats them as equal.
public readonly record struct Asset
{
    private readonly string? _code;

    public Asset(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        _code = code;
    }

    public string Code => _code ?? string.Empty;

    public override string ToString() => Code;
}
