using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

/// The spec's "Substitutions" and "Self-Referential Substitutions" sections, by their own examples.
public sealed class HoconSubstitutionTests
{
    [Fact]
    public void Parse_Substitution_KeepsTargetType()
    {
        var config = TestHocon.Parse("a = 42\nb = ${a}   \nc = ${d}\nd { x = [1] }");

        Assert.Equal(HoconValueKind.Number, config.Root.GetObject()["b"].Kind);
        Assert.Equal(42, config.GetInt("b"));
        Assert.Equal(["1"], config.GetStringList("c.x"));
    }

    [Fact]
    public void Parse_SubstitutionInConcatenation_BecomesText()
    {
        var config = TestHocon.Parse("animal.favorite = dog\nkey : ${animal.favorite} is my favorite animal\nquoted : ${animal.favorite}\" is my favorite animal\"");

        Assert.Equal("dog is my favorite animal", config.GetString("key"));
        Assert.Equal("dog is my favorite animal", config.GetString("quoted"));
    }

    [Fact]
    public void Parse_SubstitutionInsideQuotes_IsText()
    {
        var config = TestHocon.Parse("a = 1\nb = \"${a}\"");

        Assert.Equal("${a}", config.GetString("b"));
    }

    [Fact]
    public void Parse_SubstitutionToLaterKey_LooksForward()
    {
        var config = TestHocon.Parse("a = ${b}\nb = 1\nb = 2");

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void Parse_SubstitutionToMergedObject_SeesFinalMerge()
    {
        var config = TestHocon.Parse("a = ${b}\nb { x = 1 }\nb { y = 2 }");

        Assert.Equal(["x", "y"], config.GetConfig("a").GetKeys());
    }

    [Fact]
    public void Parse_QuotedPathInSubstitution_IsOneElement()
    {
        var config = TestHocon.Parse("a { \"b.c\" = 5 }\nd = ${a.\"b.c\"}\ne = ${ a.\"b.c\" }");

        Assert.Equal(5, config.GetInt("d"));
        Assert.Equal(5, config.GetInt("e"));
    }

    [Fact]
    public void Parse_ObjectReferringIntoItself_ResolvesOnlyTheField()
    {
        var config = TestHocon.Parse("bar : { foo : 42,\n baz : ${bar.foo}\n }");

        Assert.Equal(42, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Parse_ObjectReferringIntoItselfThenOverridden_LooksForward()
    {
        var config = TestHocon.Parse("bar : { foo : 42,\n baz : ${bar.foo}\n }\nbar : { foo : 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Parse_MutuallyReferringObjects_Resolve()
    {
        var config = TestHocon.Parse("bar : { a : ${foo.d}, b : 1 }\nbar.b = 3\nfoo : { c : ${bar.b}, d : 2 }\nfoo.d = 4");

        Assert.Equal(4, config.GetInt("bar.a"));
        Assert.Equal(3, config.GetInt("foo.c"));
    }

    [Fact]
    public void Parse_UndefinedInDocument_FallsBackToEnvironment()
    {
        var config = TestHocon.Parse("home = ${HOME}\nport = ${?FUNDINGARB_PORT}", ("HOME", "/home/trader"), ("FUNDINGARB_PORT", "8080"));

        Assert.Equal("/home/trader", config.GetString("home"));
        Assert.Equal(8080, config.GetInt("port"));
    }

    [Fact]
    public void Parse_DefinedInDocument_IgnoresEnvironment()
    {
        var config = TestHocon.Parse("HOME = /configured\nhome = ${HOME}", ("HOME", "/from-env"));

        Assert.Equal("/configured", config.GetString("home"));
    }

    [Fact]
    public void Parse_SetToNull_BlocksEnvironment()
    {
        var config = TestHocon.Parse("HOME = null\nhome = ${HOME}", ("HOME", "/from-env"));

        Assert.False(config.HasPath("home"));
        Assert.Equal(HoconValueKind.Null, config.Root.GetObject()["home"].Kind);
    }

    [Fact]
    public void Parse_EmptyEnvironmentVariable_IsEmptyString()
    {
        var config = TestHocon.Parse("a = ${?EMPTY}", ("EMPTY", ""));

        Assert.Equal("", config.GetString("a"));
    }

    [Fact]
    public void Parse_OptionalUndefined_RemovesField()
    {
        var config = TestHocon.Parse("a = ${?NOT_DEFINED}\nb = ${?also.not.defined}\nc = ${?a}");

        Assert.True(config.IsEmpty);
    }

    [Fact]
    public void Parse_OptionalUndefinedOverride_KeepsPreviousValue()
    {
        var config = TestHocon.Parse("port = 80\nport = ${?PORT}");

        Assert.Equal(80, config.GetInt("port"));
    }

    [Fact]
    public void Parse_OptionalOverrideDefined_Overrides()
    {
        var config = TestHocon.Parse("port = 80\nport = ${?PORT}", ("PORT", "9000"));

        Assert.Equal(9000, config.GetInt("port"));
    }

    [Fact]
    public void Parse_OptionalUndefinedInArray_OmitsElement()
    {
        var config = TestHocon.Parse("a = [1, ${?X}, 2]");

        Assert.Equal(["1", "2"], config.GetStringList("a"));
    }

    [Fact]
    public void Parse_OptionalUndefinedInString_IsEmpty()
    {
        var config = TestHocon.Parse("a = x${?X}y");

        Assert.Equal("xy", config.GetString("a"));
    }

    [Fact]
    public void Parse_AllOptionalsUndefined_RemovesField()
    {
        var config = TestHocon.Parse("foo : ${?bar}${?baz}");

        Assert.False(config.HasPath("foo"));
    }

    [Fact]
    public void Parse_NullInConcatenation_IsTheWordNull()
    {
        var config = TestHocon.Parse("a = null\nb = x ${a}");

        Assert.Equal("x null", config.GetString("b"));
    }

    [Fact]
    public void Parse_RequiredUndefined_FailsAtSubstitution()
    {
        var error = TestHocon.ParseError("a = 1\nb = x ${nope.here}", "app.conf");

        Assert.Equal(("app.conf", 2, 7), (error.File, error.Line, error.Column));
        Assert.Contains("${nope.here}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UndefinedHiddenByLaterValue_IsNeverEvaluated()
    {
        var config = TestHocon.Parse("foo : ${does-not-exist}\nfoo : 42");

        Assert.Equal(42, config.GetInt("foo"));
    }

    [Fact]
    public void Parse_SelfReferenceInString_SeesPreviousValue()
    {
        var config = TestHocon.Parse("path : \"a:b:c\"\npath : ${path}\":d\"");

        Assert.Equal("a:b:c:d", config.GetString("path"));
    }

    [Fact]
    public void Parse_SelfReferenceWithoutPreviousValue_UsesEnvironment()
    {
        var config = TestHocon.Parse("path = ${path}\":/bin\"", ("path", "/usr/local/bin"));

        Assert.Equal("/usr/local/bin:/bin", config.GetString("path"));
    }

    [Fact]
    public void Parse_SelfReferenceToObject_SeesPreviousObject()
    {
        var config = TestHocon.Parse("foo : { a : 1 }\nfoo : ${foo}");

        Assert.Equal(1, config.GetInt("foo.a"));
    }

    [Fact]
    public void Parse_SelfReferenceAlone_Fails()
    {
        var error = TestHocon.ParseError("foo : ${foo}");

        Assert.Contains("refers back to itself", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SelfReferenceBeforeDefinition_Fails()
    {
        var error = TestHocon.ParseError("foo : ${foo}\nfoo : { a : 1 }");

        Assert.Equal((1, 7), (error.Line, error.Column));
    }

    [Fact]
    public void Parse_OptionalSelfReference_Disappears()
    {
        var config = TestHocon.Parse("foo : ${?foo}");

        Assert.True(config.IsEmpty);
    }

    [Fact]
    public void Parse_SelfReferenceHiddenByLaterValue_IsIgnored()
    {
        var config = TestHocon.Parse("foo : ${foo}, foo : 42");

        Assert.Equal(42, config.GetInt("foo"));
    }

    [Fact]
    public void Parse_SelfReferenceThroughPath_SeesValueBelow()
    {
        var config = TestHocon.Parse("foo : { a : { c : 1 } }\nfoo : ${foo.a}\nfoo : { a : 2 }");

        Assert.Equal(2, config.GetInt("foo.a"));
        Assert.Equal(1, config.GetInt("foo.c"));
    }

    [Fact]
    public void Parse_OptionalSelfReferenceInConcatenation_LooksBackToNothing()
    {
        var config = TestHocon.Parse("a = ${?a}foo");

        Assert.Equal("foo", config.GetString("a"));
    }

    [Fact]
    public void Parse_SelfReferenceInsideObject_IsCycle()
    {
        var error = TestHocon.ParseError("a : { b : ${a} }");

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SelfReferenceInsideArray_IsCycle()
    {
        var error = TestHocon.ParseError("a : [${a}]");

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TwoSubstitutionsReferringToEachOther_FailsNamingTheChain()
    {
        var error = TestHocon.ParseError("bar : ${foo}\nfoo : ${bar}");

        Assert.Contains("${foo} -> ${bar}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ThreeStepLoop_Fails()
    {
        var error = TestHocon.ParseError("a : ${b}\nb : ${c}\nc : ${a}");

        Assert.Contains("${b} -> ${c} -> ${a}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SwappedSelfReferences_ResolveBothToOneValue()
    {
        var config = TestHocon.Parse("a : 1\nb : 2\na : ${b}\nb : ${a}");

        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void Parse_PlusEquals_StartsArray()
    {
        TestHocon.AssertEquivalent("a = [b]", "a += b");
    }

    [Fact]
    public void Parse_PlusEquals_AppendsToArray()
    {
        var config = TestHocon.Parse("a = [1]\na += 2\na += [3]");

        var items = config.Root.GetObject()["a"].GetArray();
        Assert.Equal(["1", "2"], items.Take(2).Select(i => i.GetString()));
        Assert.Equal("[\n  3\n]", items[2].ToString());
    }

    [Fact]
    public void Parse_PlusEqualsInNestedObjects_AppendsToFullPath()
    {
        var config = TestHocon.Parse("x { a += 1 }\nx { a += 2 }\nx.a += 3");

        Assert.Equal(["1", "2", "3"], config.GetStringList("x.a"));
    }

    [Fact]
    public void Parse_PlusEqualsOnScalar_Fails()
    {
        var error = TestHocon.ParseError("a = 1\na += 2");

        Assert.Contains("cannot concatenate", error.Message, StringComparison.Ordinal);
    }
}
