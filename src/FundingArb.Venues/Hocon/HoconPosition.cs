namespace FundingArb.Venues.Hocon;

/// Where a key was written: the file (or what stood for one, such as "command line"), 1-based line and column.
public readonly record struct HoconPosition(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
