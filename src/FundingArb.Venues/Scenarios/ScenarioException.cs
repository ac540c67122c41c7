using FundingArb.Venues.Hocon;

namespace FundingArb.Venues.Scenarios;

/// A scenario file that parses as HOCON but does not describe a valid scenario: an unknown key, a missing or bad
/// value, a reference to a venue or market that does not exist. The message starts with file:line:column and names
/// the key's full path. (Syntax errors are HoconSyntaxException, with the same position fields.)
public sealed class ScenarioException : FormatException
{
    public ScenarioException(string path, HoconPosition? position, string message, Exception? innerException = null)
        : base($"{position?.ToString() ?? "<unknown>"}: {path}: {message}", innerException)
    {
        Path = path;
        File = position?.File;
        Line = position?.Line ?? 0;
        Column = position?.Column ?? 0;
    }

    /// The key's full path, as HOCON writes it (scenario.venues[0].maker-fee).
    public string Path { get; }

    public string? File { get; }

    /// 1-based; zero when the position is unknown.
    public int Line { get; }

    public int Column { get; }
}
