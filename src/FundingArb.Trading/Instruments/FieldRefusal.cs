namespace FundingArb.Trading.Instruments;

/// Why a request may not go ahead: the request field at fault (long_symbol, quantity, price, ...) and what is wrong with
/// its value, in words that name the value.
public sealed record FieldRefusal(string Field, string Reason)
{
    public override string ToString() => $"{Field}: {Reason}";
}
