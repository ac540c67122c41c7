namespace FundingArb.Venues.Hocon;

/// HOCON text that cannot be read: a syntax error, a substitution that cannot be resolved, a missing required
/// include, or a construct Akka's parser would misread. The message starts with file:line:column.
public sealed class HoconSyntaxException : FormatException
{
    public HoconSyntaxException(HoconPosition position, string message, Exception? innerException = null)
        : base($"{position}: {message}", innerException)
    {
        File = position.File;
        Line = position.Line;
        Column = position.Column;
    }

    public string File { get; }

    /// 1-based; zero when the problem has no line (Akka's parser refused text our scanner accepted).
    public int Line { get; }

    public int Column { get; }
}
