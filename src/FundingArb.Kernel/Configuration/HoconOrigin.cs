namespace FundingArb.Kernel.Configuration;

/// <summary>Where a HOCON value or token was written: the file (null for a string without a name), 1-based line and column.</summary>
/// <param name="File">The file path or include name, or null when the text came from a string.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column, counted in UTF-16 code units.</param>
public readonly record struct HoconOrigin(string? File, int Line, int Column)
{
    /// <summary>Renders the origin as <c>file:line:column</c>, with <c>&lt;string&gt;</c> when there is no file.</summary>
    public override string ToString() => $"{File ?? "<string>"}:{Line}:{Column}";
}
