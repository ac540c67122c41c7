namespace FundingArb.Trading.Fees;

/// Fees of opening and closing both legs of a pair, in quote.
public sealed record PairFeeCosts(decimal EntryLong, decimal EntryShort, decimal ExitLong, decimal ExitShort)
{
    public decimal Entry => EntryLong + EntryShort;

    public decimal Exit => ExitLong + ExitShort;

    public decimal Total => Entry + Exit;
}
