namespace FundingArb.Kernel.Configuration;

/// <summary>How <see cref="ConfigurationFactory"/> resolves what lies outside the parsed text.</summary>
public sealed record HoconParseOptions
{
    /// <summary>The options used when none are passed: process environment, no file name, no include resolver.</summary>
    public static HoconParseOptions Default { get; } = new();

    /// <summary>
    /// Looks up a substitution that the document does not define (<c>${HOME}</c>); returns null when undefined.
    /// Defaults to the process environment.
    /// </summary>
    public Func<string, string?> Environment { get; init; } = global::System.Environment.GetEnvironmentVariable;

    /// <summary>The name reported in errors and origins for text parsed with <see cref="ConfigurationFactory.ParseString(string, HoconParseOptions)"/>.</summary>
    public string? FileName { get; init; }

    /// <summary>
    /// Returns the text of an included name, or null when it does not exist. Used by
    /// <see cref="ConfigurationFactory.ParseString(string, HoconParseOptions)"/> only; without it, includes in a string are missing.
    /// Names are passed relative to the directory of the including name, joined with <c>/</c>.
    /// </summary>
    public Func<string, string?>? IncludeResolver { get; init; }
}
