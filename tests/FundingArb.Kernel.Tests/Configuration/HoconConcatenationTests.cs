namespace FundingArb.Kernel.Tests.Configuration;

/// The spec's "Value concatenation" section: strings, arrays and objects.
public sealed class HoconConcatenationTests
{
    [Fact]
    public void Parse_UnquotedWords_ConcatenateWithInnerWhitespaceKept()
    {
        var config = TestHocon.Parse("a =   foo  bar baz   \nb = \"foo  bar baz\"");

        Assert.Equal("foo  bar baz", config.GetString("a"));
        Assert.Equal(config.GetString("b"), config.GetString("a"));
    }

    [Fact]
    public void Parse_SimpleValuesOfEveryType_ConcatenateAsWritten()
    {
        var config = TestHocon.Parse("a = null bar 42 \"baz\" true 3.14 hi 1e5");

        Assert.Equal("null bar 42 baz true 3.14 hi 1e5", config.GetString("a"));
    }

    [Fact]
    public void Parse_QuotedAndUnquotedWithoutWhitespace_Concatenate()
    {
        var config = TestHocon.Parse("a = foo\"bar\"baz\" \"x");

        Assert.Equal("foobarbaz x", config.GetString("a"));
    }

    [Fact]
    public void Parse_ArrayElementsOnOneLine_AreOneString()
    {
        var config = TestHocon.Parse("a = [ 1 2 3 4 ]");

        Assert.Equal(["1 2 3 4"], config.GetStringList("a"));
    }

    [Fact]
    public void Parse_ArraysOnOneLine_Concatenate()
    {
        TestHocon.AssertEquivalent("a : [ 1, 2, 3, 4 ]", "a : [ 1, 2 ] [ 3, 4 ]");
    }

    [Fact]
    public void Parse_NestedArraysOnOneLine_AreOneElement()
    {
        TestHocon.AssertEquivalent("a = [ [ 1, 2, 3, 4 ] ]", "a = [ [ 1, 2 ] [ 3, 4 ] ]");
    }

    [Fact]
    public void Parse_NestedArraysOnSeparateLines_AreTwoElements()
    {
        TestHocon.AssertEquivalent("a = [ [ 1, 2 ], [ 3, 4 ] ]", "a = [ [ 1, 2 ]\n [ 3, 4 ] ]");
    }

    [Theory]
    [InlineData("a : { b : 1 } { c : 2 }")]
    [InlineData("a : { b : 1 }\na : { c : 2 }")]
    public void Parse_ObjectsOnOneLine_Merge(string text)
    {
        TestHocon.AssertEquivalent("a : { b : 1, c : 2 }", text);
    }

    [Fact]
    public void Parse_ObjectConcatenation_LaterOverrides()
    {
        var config = TestHocon.Parse("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Parse_SubstitutionAndObject_Inherit()
    {
        var config = TestHocon.Parse("data-center-generic = { cluster-size = 6 }\ndata-center-east = ${data-center-generic} { name = \"east\" }");

        Assert.Equal(6, config.GetInt("data-center-east.cluster-size"));
        Assert.Equal("east", config.GetString("data-center-east.name"));
        Assert.False(config.HasPath("data-center-generic.name"));
    }

    [Fact]
    public void Parse_SubstitutionAndArray_Append()
    {
        var config = TestHocon.Parse("path = [ /bin ]\npath = ${path} [ /usr/bin ]");

        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("path"));
    }

    [Fact]
    public void Parse_SubstitutionsInArrayElements_ConcatenatePerElement()
    {
        var config = TestHocon.Parse("a = A, b = B, x = X, y = Y\nl = [ ${a} ${b}, ${x} ${y} ]");

        Assert.Equal(["A B", "X Y"], config.GetStringList("l"));
    }

    [Theory]
    [InlineData("a = [1] {b = 1}")]
    [InlineData("a = [1] foo")]
    [InlineData("a = foo {b = 1}")]
    [InlineData("x = [1]\na = ${x} foo")]
    [InlineData("x = {y = 1}\na = [1] ${x}")]
    public void Parse_MixedConcatenation_Fails(string text)
    {
        var error = TestHocon.ParseError(text);

        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }
}
