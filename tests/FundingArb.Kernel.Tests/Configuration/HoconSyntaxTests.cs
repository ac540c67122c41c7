using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

public sealed class HoconSyntaxTests
{
    [Fact]
    public void Parse_Json_ReadsSameValueAsJson()
    {
        var config = TestHocon.Parse("""{"a":{"b":[1,2.5,"x\u00e9\n",true,false,null]},"c":-3e2}""");

        var items = config.Root.GetObject()["a"].GetObject()["b"].GetArray();
        Assert.Equal(["1", "2.5", "x\u00e9\n", "true", "false", null], items.Select(i => i.GetString()));
        Assert.Equal([HoconValueKind.Number, HoconValueKind.Number, HoconValueKind.String, HoconValueKind.Boolean, HoconValueKind.Boolean, HoconValueKind.Null], items.Select(i => i.Kind));
        Assert.Equal(-300m, config.GetDecimal("c"));
    }

    [Theory]
    [InlineData("a = 1 // comment\nb = 2")]
    [InlineData("a = 1 # comment\nb = 2")]
    [InlineData("# first\n// second\na = 1\n  ## third\nb = 2 #")]
    [InlineData("a = 1 /// three slashes\nb = 2")]
    public void Parse_Comments_AreIgnored(string text)
    {
        var config = TestHocon.Parse(text);

        Assert.Equal(["a", "b"], config.GetKeys());
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Parse_CommentMarkersInsideQuotes_AreText()
    {
        var config = TestHocon.Parse("""a = "x // y # z" """);

        Assert.Equal("x // y # z", config.GetString("a"));
    }

    [Theory]
    [InlineData("a : 1")]
    [InlineData("a = 1")]
    [InlineData("a:1")]
    [InlineData("{ a = 1 }")]
    [InlineData("\n\n  { \"a\" : 1 }  \n")]
    public void Parse_SeparatorsAndRootBraces_AreOptional(string text)
    {
        var config = TestHocon.Parse(text);

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void Parse_KeyFollowedByBrace_OmitsSeparator()
    {
        TestHocon.AssertEquivalent("foo : { a : 1 }", "foo { a : 1 }");
    }

    [Fact]
    public void Parse_NewlinesBetweenKeySeparatorAndValue_AreAllowed()
    {
        var config = TestHocon.Parse("a\n  :\n\n  1\nb\n{ c = 2 }");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b.c"));
    }

    [Theory]
    [InlineData("a = [1,2,3,]")]
    [InlineData("a = [1\n2\n3]")]
    [InlineData("a = [\n1,\n2,\n3,\n]")]
    [InlineData("a = [1, 2\n3]")]
    public void Parse_ArrayCommas_AreOptionalAtNewlinesAndTrailing(string text)
    {
        var config = TestHocon.Parse(text);

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
    }

    [Theory]
    [InlineData("a = [1,2,3,,]")]
    [InlineData("a = [,1,2,3]")]
    [InlineData("a = [1,,2,3]")]
    [InlineData("{ a = 1,, b = 2 }")]
    [InlineData("{ , a = 1 }")]
    public void Parse_MisplacedCommas_Fail(string text)
    {
        TestHocon.ParseError(text);
    }

    [Fact]
    public void Parse_ObjectFieldsSeparatedByNewlines_NeedNoCommas()
    {
        var config = TestHocon.Parse("{ a = 1\n b = 2, c = 3,\n}");

        Assert.Equal(["a", "b", "c"], config.GetKeys());
    }

    [Fact]
    public void Parse_UnicodeWhitespaceAndBom_AreWhitespace()
    {
        var config = TestHocon.Parse("\uFEFFa\u00A0=\u20071\r\nb\t=\u2028 2\r\n");

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment")]
    [InlineData("{}")]
    public void Parse_EmptyDocument_IsEmptyConfig(string text)
    {
        var config = TestHocon.Parse(text);

        Assert.True(config.IsEmpty);
    }

    [Fact]
    public void Parse_UnquotedStrings_AreStrings()
    {
        var config = TestHocon.Parse("a = hello-world_1/x.y\nb = [a, b/c]");

        Assert.Equal("hello-world_1/x.y", config.GetString("a"));
        Assert.Equal(["a", "b/c"], config.GetStringList("b"));
    }

    [Theory]
    [InlineData("truefoo", "truefoo")]
    [InlineData("footrue", "footrue")]
    [InlineData("10.0bar", "10.0bar")]
    [InlineData("bar10.0", "bar10.0")]
    [InlineData("nullable", "nullable")]
    [InlineData("2024-01-01", "2024-01-01")]
    [InlineData("1.2.3", "1.2.3")]
    public void Parse_UnquotedStartingLikeKeywordOrNumber_IsStringConcatenation(string text, string expected)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(HoconValueKind.String, config.Root.GetObject()["a"].Kind);
        Assert.Equal(expected, config.GetString("a"));
    }

    [Theory]
    [InlineData("true", HoconValueKind.Boolean)]
    [InlineData("false", HoconValueKind.Boolean)]
    [InlineData("null", HoconValueKind.Null)]
    [InlineData("42", HoconValueKind.Number)]
    [InlineData("-0.5e-3", HoconValueKind.Number)]
    [InlineData("yes", HoconValueKind.String)]
    [InlineData("\"42\"", HoconValueKind.String)]
    [InlineData("007", HoconValueKind.String)]
    public void Parse_SingleValue_KeepsItsType(string text, HoconValueKind kind)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(kind, config.Root.GetObject()["a"].Kind);
    }

    [Fact]
    public void Parse_Numbers_KeepTheirWrittenText()
    {
        var config = TestHocon.Parse("a = 1e5\nb = 0.10\nc = 12345678901234567890.123456789");

        Assert.Equal("1e5", config.GetString("a"));
        Assert.Equal("0.10", config.GetString("b"));
        Assert.Equal(12345678901234567890.123456789m, config.GetDecimal("c"));
    }

    [Fact]
    public void Parse_QuotedStringEscapes_FollowJson()
    {
        var config = TestHocon.Parse("""a = "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9" """);

        Assert.Equal("q\" b\\ s/ \b\f\n\r\t A\u00e9", config.GetString("a"));
    }

    [Theory]
    [InlineData("a = \"\"\"hello\"\"\"", "hello")]
    [InlineData("a = \"\"\"hello\nworld\"\"\"", "hello\nworld")]
    [InlineData("a = \"\"\"hello\\nworld\"\"\"", "hello\\nworld")]
    [InlineData("a = \"\"\" \"hello\" \"\"\"", " \"hello\" ")]
    [InlineData("a = \"\"\"\"hello\"\"\"\"", "\"hello\"")]
    [InlineData("a = \"\"\"hello\"\"\"\"", "hello\"")]
    [InlineData("a = \"\"\"hello\"\"\"\"\"", "hello\"\"")]
    [InlineData("a = \"\"\"\"\"hello\"\"\"", "\"\"hello")]
    [InlineData("a = \"\"\"\"\"\"\"\"", "\"\"")]
    [InlineData("a = \"\"\"foo\"\"bar\"\"\"", "foo\"\"bar")]
    public void Parse_TripleQuotedString_KeepsTextVerbatim(string text, string expected)
    {
        var config = TestHocon.Parse(text);

        Assert.Equal(expected, config.GetString("a"));
    }

    [Fact]
    public void Parse_TripleQuotedString_KeepsWhitespaceAndCommentMarkers()
    {
        var config = TestHocon.Parse("a = \"\"\"  \n  # not a comment // either\n \"\"\"");

        Assert.Equal("  \n  # not a comment // either\n ", config.GetString("a"));
    }

    [Theory]
    [InlineData("{ foo include : 42 }", "\"foo include\"")]
    [InlineData("{ \"include\" : 42 }", "include")]
    public void Parse_IncludeNotStartingAnUnquotedKey_IsAKey(string text, string path)
    {
        var config = TestHocon.Parse(text);

        Assert.Equal(42, config.GetInt(path));
    }

    [Fact]
    public void Parse_IncludeAsValue_IsString()
    {
        var config = TestHocon.Parse("{ foo : include, bar : [ include ] }");

        Assert.Equal("include", config.GetString("foo"));
        Assert.Equal(["include"], config.GetStringList("bar"));
    }

    [Fact]
    public void Parse_RootArray_Fails()
    {
        var error = TestHocon.ParseError("[1, 2]");

        Assert.Contains("expected an object at the root", error.Message, StringComparison.Ordinal);
    }
}
