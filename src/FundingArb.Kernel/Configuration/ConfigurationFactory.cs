namespace FundingArb.Kernel.Configuration;

/// <summary>Parses HOCON text into a resolved, immutable <see cref="Config"/>, as Akka.NET's factory of the same name.</summary>
public static class ConfigurationFactory
{
    private const string ReferenceResource = "FundingArb.reference.conf";

    private static readonly Lazy<Config> s_default = new(LoadReference);

    /// <summary>A configuration with no keys.</summary>
    public static Config Empty { get; } = new(HoconValue.Object(HoconFields.Empty, default), "");

    /// <summary>
    /// The documented defaults of every key (hocon/reference.conf, embedded in the kernel), resolved against
    /// the process environment once: the fallback of every system's configuration.
    /// </summary>
    public static Config Default() => s_default.Value;

    /// <summary>Parses a string, resolving substitutions against it and the process environment; includes are missing.</summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON, or a substitution cannot be resolved.</exception>
    public static Config ParseString(string hocon) => ParseString(hocon, HoconParseOptions.Default);

    /// <summary>Parses a string with the given environment, file name for errors, and include resolver.</summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON, or a substitution cannot be resolved.</exception>
    public static Config ParseString(string hocon, HoconParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(hocon);
        ArgumentNullException.ThrowIfNull(options);
        var root = HoconIncluder.ForResolver(options.IncludeResolver).ParseRoot(hocon, options.FileName);
        return new Config(HoconResolver.Resolve(root, options.Environment), "");
    }

    /// <summary>Parses a file; includes are found relative to the including file.</summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON, or a substitution cannot be resolved.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Config ParseFile(string path) => ParseFile(path, HoconParseOptions.Default);

    /// <summary>
    /// Parses a file with the given environment; includes are found relative to the including file
    /// (<see cref="HoconParseOptions.FileName"/> and <see cref="HoconParseOptions.IncludeResolver"/> are not used).
    /// </summary>
    /// <exception cref="HoconParseException">The text is not valid HOCON, or a substitution cannot be resolved.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static Config ParseFile(string path, HoconParseOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = Path.GetFullPath(path);
        var root = HoconIncluder.ForFiles().ParseRoot(File.ReadAllText(fullPath), fullPath);
        return new Config(HoconResolver.Resolve(root, options.Environment), "");
    }

    private static Config LoadReference()
    {
        using var stream = typeof(ConfigurationFactory).Assembly.GetManifestResourceStream(ReferenceResource)
            ?? throw new InvalidOperationException($"The kernel assembly lacks its embedded {ReferenceResource}.");
        using var reader = new StreamReader(stream);
        return ParseString(reader.ReadToEnd(), HoconParseOptions.Default with { FileName = "reference.conf" });
    }
}
