using FundingArb.Kernel.Configuration;

namespace FundingArb.Venues.Scenarios;

/// A scenario file that parses as HOCON but does not describe a valid scenario: an unknown key, a missing or bad
/// value, a reference to a venue or market that does not exist. The message starts with file:line:column and names
/// the key's full path. (Syntax errors are HoconParseException, with the same position fields.)
public sealed class ScenarioException : FormatException
{
    public ScenarioException(string path, HoconOrigin? origin, string message, Exception? innerException = null)
        : base($"{origin?.ToString() ?? "<unknown>"}: {path}: {message}", innerException)
    {
        Path = path;
        File = origin?.File;
        Line = origin?.Line ?? 0;
        Column = origin?.Column ?? 0;
    }

    /// The key's full path, as HOCON writes it (scenario.venues[0].maker-fee).
    public string Path { get; }

    public string? File { get; }

    /// 1-based; zero when the position is unknown.
    public int Line { get; }

    public int Column { get; }
}
