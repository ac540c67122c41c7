namespace FundingArb.Kernel.Configuration;

/// <summary>
/// HOCON text that cannot be parsed or resolved: a syntax error, an unresolvable substitution, a substitution
/// cycle, a missing required include. The message starts with <c>file:line:column</c>.
/// </summary>
public sealed class HoconParseException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="origin"/>.</summary>
    /// <param name="origin">Where the problem was found.</param>
    /// <param name="message">What was expected and what was found, without the position.</param>
    /// <param name="innerException">The I/O error behind an unreadable include, if any.</param>
    public HoconParseException(HoconOrigin origin, string message, Exception? innerException = null)
        : base($"{origin}: {message}", innerException)
    {
        File = origin.File;
        Line = origin.Line;
        Column = origin.Column;
    }

    /// <summary>The file or include name, or null when the text came from a string without a file name.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }
}
