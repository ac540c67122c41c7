namespace FundingArb.Venues.Hocon;

/// A ${path} or ${?path} in a value: where it is, the key or list element it sets (Field: its path, its span from its
/// first character to the end of its value, its position), whether it is that whole value, and the position the path
/// had before the field (restored when an unset ${?path} removes the field).
internal sealed record SubstitutionSite(
    HoconSource Source,
    int Start,
    int End,
    bool Optional,
    IReadOnlyList<string> Keys,
    HoconPosition Position,
    string FieldPath,
    HoconPosition FieldPosition,
    int FieldStart,
    int FieldEnd,
    bool WholeValue,
    HoconPosition? PreviousPosition)
{
    /// The path it refers to, spelled as HoconPath spells paths.
    public string Target => Keys.Aggregate("", HoconPath.Join);

    /// The environment variable it falls back to: the path as written, without quotes (HOCON's rule).
    public string Variable => string.Join('.', Keys);
}
