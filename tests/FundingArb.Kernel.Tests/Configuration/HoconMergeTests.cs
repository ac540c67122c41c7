namespace FundingArb.Kernel.Tests.Configuration;

/// The spec's "Duplicate keys and object merging" and "Paths as keys" sections, by their own examples.
public sealed class HoconMergeTests
{
    [Fact]
    public void Parse_DuplicateObjectKeys_MergesObjects()
    {
        TestHocon.AssertEquivalent(
            """{ "foo" : { "a" : 42, "b" : 43 } }""",
            """{ "foo" : { "a" : 42 }, "foo" : { "b" : 43 } }""");
    }

    [Fact]
    public void Parse_NullBetweenDuplicateObjects_PreventsMerge()
    {
        TestHocon.AssertEquivalent(
            """{ "foo" : { "b" : 43 } }""",
            """{ "foo" : { "a" : 42 }, "foo" : null, "foo" : { "b" : 43 } }""");
    }

    [Fact]
    public void Parse_DuplicateScalarKeys_LaterWins()
    {
        var config = TestHocon.Parse("a = 1\na = 2\nb = { x = 1 }\nb = 3");

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(3, config.GetInt("b"));
    }

    [Fact]
    public void Parse_ObjectAfterScalar_ReplacesScalar()
    {
        var config = TestHocon.Parse("a = 1\na { x = 1 }");

        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void Parse_NestedDuplicateObjects_MergeRecursively()
    {
        TestHocon.AssertEquivalent(
            "a { b { x = 1, y = 3 }, c = 4 }",
            "a { b { x = 1, y = 2 } }\na { b { y = 3 }, c = 4 }");
    }

    [Fact]
    public void Parse_DuplicateKeys_KeepFirstPosition()
    {
        var config = TestHocon.Parse("a = 1\nb = 2\na = 3");

        Assert.Equal(["a", "b"], config.GetKeys());
    }

    [Theory]
    [InlineData("foo.bar : 42", "foo { bar : 42 }")]
    [InlineData("foo.bar.baz : 42", "foo { bar { baz : 42 } }")]
    [InlineData("a.x : 42, a.y : 43", "a { x : 42, y : 43 }")]
    [InlineData("a b c : 42", "\"a b c\" : 42")]
    [InlineData("true : 42", "\"true\" : 42")]
    [InlineData("3 : 42", "\"3\" : 42")]
    [InlineData("3.14 : 42", "\"3\" : { \"14\" : 42 }")]
    [InlineData("10.0foo : 42", "\"10\" : { \"0foo\" : 42 }")]
    [InlineData("foo10.0 : 42", "foo10 : { \"0\" : 42 }")]
    [InlineData("foo\"10.0\" : 42", "\"foo10.0\" : 42")]
    [InlineData("1.2.3 : 42", "\"1\" { \"2\" { \"3\" : 42 } }")]
    [InlineData("foo.bar.\"hello.world\" : 42", "foo { bar { \"hello.world\" : 42 } }")]
    [InlineData("a.\"\".b : 42", "a { \"\" { b : 42 } }")]
    public void Parse_PathExpressionKey_ExpandsToNestedObjects(string actual, string expected)
    {
        TestHocon.AssertEquivalent(expected, actual);
    }

    [Theory]
    [InlineData("a..b : 1")]
    [InlineData(".a : 1")]
    [InlineData("a. : 1")]
    public void Parse_PathKeyWithEmptyElement_Fails(string text)
    {
        var error = TestHocon.ParseError(text);

        Assert.Contains("invalid key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PathKeysAndObjects_MergeInDocumentOrder()
    {
        var config = TestHocon.Parse("a.b.c.d { a : 1, z : 101 }\na.b.c { q : 301 }\na.b.c.d { b : 2, z : 102 }\na.b.c.d.e : 400\na.b.c.d.e : 401");

        Assert.Equal(["a", "z", "b", "e"], config.GetConfig("a.b.c.d").GetKeys());
        Assert.Equal(102, config.GetInt("a.b.c.d.z"));
        Assert.Equal(401, config.GetInt("a.b.c.d.e"));
        Assert.Equal(301, config.GetInt("a.b.c.q"));
    }
}
