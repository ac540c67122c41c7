using FundingArb.Venues.Hocon;

namespace FundingArb.Venues.Tests.Hocon;

public sealed class HoconReaderTests
{
    private static readonly HoconReader s_reader = new(HoconDocument.Parse("""
        fee = 0.000500
        count = 20261205
        on = yes
        off = off
        wait = 90s
        forever = infinite
        word = soon
        nothing = null
        list = [a, b]
        objects = [{ n = 1 }, { n = 2 }]
        section { "Microsoft.AspNetCore" = Warning }
        """).Config, "root");

    [Fact]
    public void Getters_WrittenValues_ConvertAsHoconSays()
    {
        Assert.Equal(0.000500m, s_reader.GetDecimal("fee"));
        Assert.Equal(20261205L, s_reader.GetLong("count"));
        Assert.Equal((true, false), (s_reader.GetBoolean("on"), s_reader.GetBoolean("off")));
        Assert.Equal(TimeSpan.FromSeconds(90), s_reader.GetTimeSpan("wait"));
        Assert.Equal(Timeout.InfiniteTimeSpan, s_reader.GetTimeSpan("forever", allowInfinite: true));
        Assert.Equal(["a", "b"], s_reader.GetStringList("list"));
        Assert.Equal("Warning", s_reader.GetObject("section").GetString("Microsoft.AspNetCore"));
    }

    [Fact]
    public void RequiredGetter_MissingOrNullKey_ThrowsNamingThePath()
    {
        var missing = Assert.Throws<ConfigKeyException>(() => s_reader.GetString("absent"));
        var isNull = Assert.Throws<ConfigKeyException>(() => s_reader.GetDecimal("nothing"));

        Assert.Equal(("root.absent", "is required"), (missing.Path, missing.Problem));
        Assert.Equal("root.nothing", isNull.Path);
    }

    [Fact]
    public void FallbackGetter_MissingKey_GivesTheFallback() =>
        Assert.Equal((7, "x"), (s_reader.GetInt("absent", 7), s_reader.GetString("nothing", "x")));

    [Theory]
    [InlineData("word", "'soon' is not a number")]
    [InlineData("list", "expected a number, found a list")]
    [InlineData("section", "expected a number, found an object")]
    public void GetDecimal_WrongType_ThrowsNamingThePathAndValue(string key, string problem)
    {
        var error = Assert.Throws<ConfigKeyException>(() => s_reader.GetDecimal(key));

        Assert.Equal(($"root.{key}", problem), (error.Path, error.Problem));
    }

    [Theory]
    [InlineData("word")]
    [InlineData("forever")]
    public void GetTimeSpan_NotAFiniteDuration_Throws(string key) =>
        Assert.Throws<ConfigKeyException>(() => s_reader.GetTimeSpan(key));

    [Fact]
    public void GetBoolean_Word_Throws() => Assert.Contains("is not a boolean", Assert.Throws<ConfigKeyException>(() => s_reader.GetBoolean("word")).Message, StringComparison.Ordinal);

    [Fact]
    public void GetInt_Fraction_Throws() => Assert.Throws<ConfigKeyException>(() => s_reader.GetInt("fee"));

    [Fact]
    public void GetObjectList_Objects_AreReadAtTheirElementPaths()
    {
        var items = s_reader.GetObjectList("objects");

        Assert.Equal(["root.objects[0]", "root.objects[1]"], items.Select(i => i.Path));
        Assert.Equal(2, items[1].GetInt("n"));
    }

    [Fact]
    public void RejectUnknown_KeyNotAllowed_ThrowsNamingIt()
    {
        var error = Assert.Throws<ConfigKeyException>(() => s_reader.GetObject("section").RejectUnknown(["Microsoft.Hosting"]));

        Assert.Equal("root.section.\"Microsoft.AspNetCore\"", error.Path);
    }
}
