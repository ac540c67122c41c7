using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

/// Parses with an explicit environment, so that no test depends on (or changes) the process environment.
internal static class TestHocon
{
    public static Config Parse(string text, params (string Name, string Value)[] environment) =>
        ConfigurationFactory.ParseString(text, Options(environment));

    public static HoconParseOptions Options(params (string Name, string Value)[] environment)
    {
        var variables = environment.ToDictionary(e => e.Name, e => e.Value, StringComparer.Ordinal);
        return new HoconParseOptions { Environment = name => variables.GetValueOrDefault(name) };
    }

    public static HoconParseException ParseError(string text, string? fileName = null) =>
        Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseString(text, Options() with { FileName = fileName }));

    /// The spec's "these two are equivalent": both documents resolve to the same value, key order included.
    public static void AssertEquivalent(string expected, string actual) =>
        Assert.Equal(Parse(expected).ToString(), Parse(actual).ToString());
}
