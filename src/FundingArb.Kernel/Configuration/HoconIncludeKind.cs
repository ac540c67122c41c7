namespace FundingArb.Kernel.Configuration;

internal enum HoconIncludeKind
{
    /// <c>include "name"</c>: a file or resolver name, as the including document is one.
    Heuristic,
    File,
    Url,
    Classpath,
}
