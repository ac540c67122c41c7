namespace FundingArb.Venues.Hocon;

/// A key whose value is missing, of the wrong type or out of range, or that should not be there. It names the key's
/// full path but not where it was written: Akka's Config keeps no positions, so whoever parsed the document adds
/// them (HoconPositions.Find) when it reports the error.
public sealed class ConfigKeyException : FormatException
{
    public ConfigKeyException(string path, string problem, Exception? innerException = null)
        : base($"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// The key's full path, as HoconPath writes it (scenario.venues[0].maker-fee).
    public string Path { get; }

    /// What is wrong, without the path.
    public string Problem { get; }
}
