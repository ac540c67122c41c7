namespace FundingArb.Venues.Hocon;

/// What a key holds, as far as its shape goes (a Section is a HOCON object: keys in braces).
public enum HoconKind
{
    Missing,
    Null,
    Scalar,
    List,
    Section,
}
