using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

/// Malformed input names the file, the 1-based line and column, and what was expected and found.
public sealed class HoconParseErrorTests
{
    [Theory]
    [InlineData("a = \"abc\nb = 1", 1, 9, "expected '\"' to close the string opened at app.conf:1:5, found newline")]
    [InlineData("a = 1\nb = }", 2, 5, "expected a value, found '}'")]
    [InlineData("{ a = 1\n", 2, 1, "expected '}' to close the object opened at app.conf:1:1, found end of input")]
    [InlineData("a = [1, 2", 1, 10, "expected ']' to close the array opened at app.conf:1:5, found end of input")]
    [InlineData("a = [1,,2]", 1, 8, "two commas in a row")]
    [InlineData("a = 1 }", 1, 7, "found '}' with no matching '{'")]
    [InlineData("a = 1\n  b @ c", 2, 5, "'@' is reserved")]
    [InlineData("a = 1\nb 2", 2, 4, "expected ':', '=', '+=' or '{' after the key \"b 2\", found end of input")]
    [InlineData("a = 1 : 2", 1, 7, "expected ',', a newline or end of input, found ':'")]
    [InlineData("{ a = 1 } b = 2", 1, 11, "expected end of input after the root object, found 'b'")]
    [InlineData("a = ${b", 1, 8, "expected '}' to close the substitution opened at app.conf:1:5, found end of input")]
    [InlineData("a = ${}", 1, 5, "invalid substitution ${}: a path must not be empty")]
    [InlineData("${a} = 1", 1, 1, "substitutions are not allowed in keys")]
    [InlineData("a = \"\\x\"", 1, 7, "invalid escape '\\x'")]
    [InlineData("a = \"\"\"abc", 1, 11, "expected '\"\"\"' to close the string opened at app.conf:1:5")]
    [InlineData("a = 1 + 2", 1, 7, "expected '+='")]
    [InlineData("a = $x", 1, 5, "'$' is reserved")]
    [InlineData("a = \"tab\there\"", 1, 9, "expected '\"' to close the string")]
    [InlineData("a = ${b//c}", 1, 8, "expected '}' to close the substitution opened at app.conf:1:5, found '/'")]
    [InlineData("a = \"abc\\", 1, 10, "expected an escape after '\\', found end of input")]
    public void Parse_MalformedInput_ReportsPositionAndExpectation(string text, int line, int column, string message)
    {
        var error = TestHocon.ParseError(text, "app.conf");

        Assert.Equal(("app.conf", line, column), (error.File, error.Line, error.Column));
        Assert.StartsWith($"app.conf:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StringWithoutFileName_ReportsNullFile()
    {
        var error = TestHocon.ParseError("a = [");

        Assert.Null(error.File);
        Assert.StartsWith("<string>:1:6: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ErrorAfterCrLfLines_CountsLines()
    {
        var error = TestHocon.ParseError("a = 1\r\nb = 2\r\nc = ]");

        Assert.Equal((3, 5), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_Error_IsFormatException()
    {
        var error = Record.Exception(() => ConfigurationFactory.ParseString("a = [", TestHocon.Options()));

        Assert.IsAssignableFrom<FormatException>(error);
    }

    [Fact]
    public void Parse_DeeplyNestedInput_FailsInsteadOfOverflowing()
    {
        var text = "a = " + new string('[', 10_000);

        var error = TestHocon.ParseError(text);

        Assert.Contains("nested more than", error.Message, StringComparison.Ordinal);
    }
}
