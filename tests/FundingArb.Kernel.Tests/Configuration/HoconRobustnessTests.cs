using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

public sealed class HoconRobustnessTests
{
    private static readonly string[] s_pieces =
    [
        "a", "b.c", "\"q\"", "\"\"\"", "=", ":", "+=", "{", "}", "[", "]", ",", "\n", " ", "\t", "${a}", "${?b.c}",
        "${", "1", "-2.5e3", "true", "null", "include", " \"x.conf\"", "file(", ")", "required(", "//", "#", "\\", "@", "10s", ".",
        "\"\\u12", "\r", "\u00A0", "${?", "?", "\"a\\", "[[", "]]", "+", "$", "\"\"\"\"", "a.\"\".b", "classpath(", "url(",
    ];

    // Two inputs like these once looped forever ("${b//c") and indexed past the end ("\"abc\\").
    [Fact]
    public void Parse_RandomInput_SucceedsOrThrowsHoconParseException()
    {
        const int Seed = 20_240_601;
        var random = new Random(Seed);
        var options = TestHocon.Options() with { IncludeResolver = name => name == "x.conf" ? "a = 1, b.c = [2]" : null };

        for (var i = 0; i < 5_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 24)).Select(_ => s_pieces[random.Next(s_pieces.Length)]));

            var error = Record.Exception(() => ConfigurationFactory.ParseString(text, options).ToString());

            Assert.True(error is null or HoconParseException, $"seed {Seed}, case {i}: {Printable(text)} threw {error}");
        }
    }

    [Fact]
    public void Parse_LongSubstitutionChain_Resolves()
    {
        var text = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"a{i} = ${{a{i + 1}}}")) + "\na100 = end";

        var config = TestHocon.Parse(text);

        Assert.Equal("end", config.GetString("a0"));
    }

    [Fact]
    public void Parse_ExcessiveSubstitutionChain_FailsInsteadOfOverflowing()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"a{i} = ${{a{i + 1}}}")) + "\na5000 = end";

        var error = TestHocon.ParseError(text);

        Assert.Contains("more than 256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SubstitutionsNestingObjectsTooDeep_FailInsteadOfOverflowing()
    {
        var text = string.Join('\n', Enumerable.Range(0, 5_000).Select(i => $"a{i} = {{ x = ${{a{i + 1}}} }}")) + "\na5000 = end";

        var error = TestHocon.ParseError(text);

        Assert.Contains("nested more than 256 deep", error.Message, StringComparison.Ordinal);
    }

    private static string Printable(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
