using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

public sealed class ConfigGetterTests
{
    [Fact]
    public void GetDecimal_MoneyValues_AreExact()
    {
        var config = TestHocon.Parse("fee = 0.0004\nrate = \"0.000125\"\nbig = 79228162514264337593543950335\nsci = 1.5e-7");

        Assert.Equal(0.0004m, config.GetDecimal("fee"));
        Assert.Equal(0.000125m, config.GetDecimal("rate"));
        Assert.Equal(decimal.MaxValue, config.GetDecimal("big"));
        Assert.Equal(0.00000015m, config.GetDecimal("sci"));
    }

    [Fact]
    public void GetLong_BeyondDoublePrecision_IsExact()
    {
        var config = TestHocon.Parse("a = 9007199254740993");

        Assert.Equal(9007199254740993L, config.GetLong("a"));
    }

    [Theory]
    [InlineData("42", 42)]
    [InlineData("\"42\"", 42)]
    [InlineData("-7", -7)]
    [InlineData("1e3", 1000)]
    [InlineData("4.0", 4)]
    [InlineData("007", 7)]
    public void GetInt_NumbersAndNumericStrings_Convert(string text, int expected)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(expected, config.GetInt("a"));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("3000000000")]
    [InlineData("abc")]
    [InlineData("true")]
    [InlineData("[1]")]
    [InlineData("{ b = 1 }")]
    public void GetInt_NotAnInt_ThrowsNamingPathValueAndOrigin(string text)
    {
        var config = ConfigurationFactory.ParseString($"x {{\n  a = {text}\n}}", TestHocon.Options() with { FileName = "app.conf" });

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("x.a"));

        Assert.Equal("x.a", error.Path);
        Assert.Contains("'x.a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("app.conf:2:7", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a 32-bit integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetString_WrongType_NamesTheValue()
    {
        var config = TestHocon.Parse("a = \"not a number\"");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDouble("a"));

        Assert.Contains("\"not a number\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Getters_MissingPathWithoutDefault_ThrowNamingThePath()
    {
        var config = TestHocon.Parse("a { b = 1 }");

        var error = Assert.Throws<ConfigurationException>(() => config.GetString("a.c"));

        Assert.Equal("a.c", error.Path);
        Assert.Equal("No configuration value at 'a.c'.", error.Message);
    }

    [Fact]
    public void Getters_NullWithoutDefault_Throw()
    {
        var config = TestHocon.Parse("a = null");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("a"));

        Assert.Contains("is null", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Getters_MissingOrNullWithDefault_ReturnDefault()
    {
        var config = TestHocon.Parse("n = null");

        Assert.Equal("d", config.GetString("missing", "d"));
        Assert.Equal(5, config.GetInt("n", 5));
        Assert.Equal(6L, config.GetLong("missing", 6L));
        Assert.Equal(1.5m, config.GetDecimal("missing", 1.5m));
        Assert.Equal(2.5, config.GetDouble("missing", 2.5));
        Assert.True(config.GetBoolean("missing", true));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetTimeSpan("missing", TimeSpan.FromSeconds(3)));
        Assert.Equal(7L, config.GetByteSize("missing", 7L));
        Assert.Equal(["x"], config.GetStringList("missing", ["x"]));
    }

    [Fact]
    public void Getters_PresentWithDefault_IgnoreDefault()
    {
        var config = TestHocon.Parse("a = 1");

        Assert.Equal(1, config.GetInt("a", 5));
    }

    [Fact]
    public void Getters_WrongTypeWithDefault_StillThrow()
    {
        var config = TestHocon.Parse("a = abc");

        Assert.Throws<ConfigurationException>(() => config.GetInt("a", 5));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    public void GetBoolean_SpecSpellings_Convert(string text, bool expected)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(expected, config.GetBoolean("a"));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("True")]
    [InlineData("y")]
    public void GetBoolean_OtherSpellings_Throw(string text)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Throws<ConfigurationException>(() => config.GetBoolean("a"));
    }

    [Theory]
    [InlineData("10s", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("100ms", 100 * TimeSpan.TicksPerMillisecond)]
    [InlineData("5 minutes", 5 * TimeSpan.TicksPerMinute)]
    [InlineData("2d", 2 * TimeSpan.TicksPerDay)]
    [InlineData("1h", TimeSpan.TicksPerHour)]
    [InlineData("1.5h", 90 * TimeSpan.TicksPerMinute)]
    [InlineData("250", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("\"250\"", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("0.1 s", TimeSpan.TicksPerSecond / 10)]
    [InlineData("1us", 10)]
    [InlineData("100ns", 1)]
    [InlineData("3 micros", 30)]
    [InlineData("2 nanos", 0)]
    [InlineData("1 second", TimeSpan.TicksPerSecond)]
    [InlineData("3m", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("1 day", TimeSpan.TicksPerDay)]
    [InlineData("-5s", -5 * TimeSpan.TicksPerSecond)]
    public void GetTimeSpan_Units_Convert(string text, long ticks)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(TimeSpan.FromTicks(ticks), config.GetTimeSpan("a"));
    }

    [Fact]
    public void GetTimeSpan_Infinite_IsInfiniteTimeSpan()
    {
        var config = TestHocon.Parse("a = infinite");

        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("a"));
        Assert.Equal(Timeout.InfiniteTimeSpan, config.GetTimeSpan("a", TimeSpan.Zero));
    }

    [Fact]
    public void GetTimeSpan_InfiniteNotAllowed_Throws()
    {
        var config = TestHocon.Parse("a = infinite");

        var error = Assert.Throws<ConfigurationException>(() => config.GetTimeSpan("a", TimeSpan.Zero, allowInfinite: false));

        Assert.Contains("finite duration", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10S")]
    [InlineData("10 fortnights")]
    [InlineData("s")]
    [InlineData("99999999999999d")]
    [InlineData("[10s]")]
    public void GetTimeSpan_Invalid_Throws(string text)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Throws<ConfigurationException>(() => config.GetTimeSpan("a"));
    }

    [Theory]
    [InlineData("10MiB", 10L * 1024 * 1024)]
    [InlineData("512k", 512L * 1024)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("1kB", 1000)]
    [InlineData("1 kilobyte", 1000)]
    [InlineData("2GB", 2_000_000_000)]
    [InlineData("1.5KiB", 1536)]
    [InlineData("3 Gi", 3L * 1024 * 1024 * 1024)]
    [InlineData("1 mebibytes", 1024 * 1024)]
    [InlineData("5 bytes", 5)]
    [InlineData("100", 100)]
    [InlineData("1B", 1)]
    [InlineData("1e", 1L << 60)]
    public void GetByteSize_Units_Convert(string text, long bytes)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Equal(bytes, config.GetByteSize("a"));
    }

    [Theory]
    [InlineData("10XB")]
    [InlineData("16EiB")]
    [InlineData("1ZB")]
    [InlineData("kB")]
    public void GetByteSize_InvalidOrOverflowing_Throws(string text)
    {
        var config = TestHocon.Parse($"a = {text}");

        Assert.Throws<ConfigurationException>(() => config.GetByteSize("a"));
    }

    [Fact]
    public void GetStringList_ScalarsOfAnyType_AreText()
    {
        var config = TestHocon.Parse("a = [x, 1, true, \"y z\"]");

        Assert.Equal(["x", "1", "true", "y z"], config.GetStringList("a"));
    }

    [Fact]
    public void GetStringList_NumericallyIndexedObject_ConvertsToList()
    {
        var config = TestHocon.Parse("foo.1 = b\nfoo.0 = a\nfoo.10 = c\nfoo.name = ignored");

        Assert.Equal(["a", "b", "c"], config.GetStringList("foo"));
    }

    [Fact]
    public void GetStringList_NotAList_Throws()
    {
        var config = TestHocon.Parse("a = x\nb = [[1]]\nc { x = 1 }");

        Assert.Throws<ConfigurationException>(() => config.GetStringList("a"));
        Assert.Throws<ConfigurationException>(() => config.GetStringList("b"));
        Assert.Throws<ConfigurationException>(() => config.GetStringList("c"));
    }

    [Fact]
    public void GetConfigList_ArrayOfObjects_ReadsEachObject()
    {
        var config = TestHocon.Parse("venues = [ { name = alpha, fee = 0.0002 }, { name = beta, fee = 0.0005 } ]");

        var venues = config.GetConfigList("venues");

        Assert.Equal(["alpha", "beta"], venues.Select(v => v.GetString("name")));
        Assert.Equal(0.0005m, venues[1].GetDecimal("fee"));
    }

    [Fact]
    public void GetConfigList_ElementError_NamesElementPath()
    {
        var config = TestHocon.Parse("venues = [ { fee = 1 }, { fee = x } ]");

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfigList("venues")[1].GetDecimal("fee"));

        Assert.Equal("venues[1].fee", error.Path);
    }

    [Fact]
    public void GetConfigList_NotObjects_Throws()
    {
        var config = TestHocon.Parse("a = [1, 2]");

        Assert.Throws<ConfigurationException>(() => config.GetConfigList("a"));
        Assert.Throws<ConfigurationException>(() => config.GetConfigList("missing"));
    }

    [Fact]
    public void Getters_InvalidPathExpression_ThrowArgumentException()
    {
        var config = TestHocon.Parse("a = 1");

        Assert.Throws<ArgumentException>(() => config.GetInt("a..b"));
        Assert.Throws<ArgumentException>(() => config.GetInt(""));
    }
}
