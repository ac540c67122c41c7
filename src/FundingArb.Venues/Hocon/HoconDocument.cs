using Akka.Configuration;
using Akka.Configuration.Hocon;

namespace FundingArb.Venues.Hocon;

/// A configuration parsed by Akka's HOCON parser, with where each key was written (which Akka's Config does not
/// keep). Parse and ParseFile check the text first (HoconScanner): what Akka's parser would misread is a
/// HoconSyntaxException naming the line and column.
public sealed class HoconDocument
{
    private HoconDocument(Config config, HoconPositions positions, string name)
    {
        Config = config;
        Positions = positions;
        Name = name;
    }

    public static HoconDocument Empty { get; } = new(ConfigurationFactory.Empty, HoconPositions.None, "<empty>");

    public Config Config { get; }

    public HoconPositions Positions { get; }

    /// The file it was read from, as positions name it ("&lt;string&gt;" for text without a name); for a merged
    /// document, the name of the one on top.
    public string Name { get; }

    /// Parses text named fileName in positions ("&lt;string&gt;" without one); includes are looked up beside fileName,
    /// or in the current folder. Substitutions fall back to environment (the process environment by default).
    /// <exception cref="HoconSyntaxException">The text is not HOCON this parser reads.</exception>
    public static HoconDocument Parse(string text, string? fileName = null, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var directory = fileName is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(fileName))!;
        return Load(new HoconSource(fileName ?? "<string>", text, directory), environment);
    }

    /// Parses a file, named by its full path in positions; includes are looked up beside it.
    /// <exception cref="HoconSyntaxException">The text is not HOCON this parser reads.</exception>
    /// <exception cref="IOException">The file (or a required include) cannot be read.</exception>
    public static HoconDocument ParseFile(string path, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        return Load(new HoconSource(fullPath, File.ReadAllText(fullPath), Path.GetDirectoryName(fullPath)!), environment);
    }

    /// This document over fallback, as Config.WithFallback; a key's position is taken from the document it came from.
    public HoconDocument WithFallback(HoconDocument fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        return new HoconDocument(Config.WithFallback(fallback.Config), Positions.Over(fallback.Positions), Name);
    }

    private static HoconDocument Load(HoconSource source, Func<string, string?>? environment)
    {
        var (root, positions) = HoconScan.Run(source, environment ?? Environment.GetEnvironmentVariable);
        try
        {
            return new HoconDocument(ConfigurationFactory.ParseString(root.Rewrite(), IncludesOf(root)), positions, source.File);
        }
        catch (Exception failure) when (failure is not HoconSyntaxException)
        {
            // The scanner refuses what it knows Akka's parser cannot read, so this is text that Akka's parser refuses
            // for a reason of its own (it throws plain Exception, FormatException or NullReferenceException).
            throw new HoconSyntaxException(new HoconPosition(source.File, 0, 0), $"Akka's HOCON parser refused it: {failure.Message}", failure);
        }
    }

    private static Func<string, HoconRoot> IncludesOf(HoconSource source) => name =>
        source.Includes.TryGetValue(name, out var included) && included is not null
            ? Parser.Parse(included.Rewrite(), IncludesOf(included))
            : Parser.Parse("", IncludesOf(source));
}
