using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

public sealed class ConfigTests
{
    [Fact]
    public void HasPath_PresentMissingAndNull_AnswerAsLightbend()
    {
        var config = TestHocon.Parse("a { b = 1, n = null }");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
        Assert.False(config.HasPath("a.c"));
        Assert.False(config.HasPath("a.b.c"));
        Assert.False(config.HasPath("a.n"));
    }

    [Fact]
    public void GetConfig_Missing_IsEmpty()
    {
        var config = TestHocon.Parse("a = 1");

        Assert.True(config.GetConfig("missing").IsEmpty);
    }

    [Fact]
    public void GetConfig_ErrorsInSubConfig_NameFullPath()
    {
        var config = TestHocon.Parse("akka.actor { ask-timeout = soon }");

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfig("akka.actor").GetTimeSpan("ask-timeout"));

        Assert.Equal("akka.actor.ask-timeout", error.Path);
    }

    [Fact]
    public void GetConfig_Scalar_Throws()
    {
        var config = TestHocon.Parse("a = 1");

        Assert.Throws<ConfigurationException>(() => config.GetConfig("a"));
    }

    [Fact]
    public void GetKeys_ReturnsDirectKeysInDocumentOrder()
    {
        var config = TestHocon.Parse("z = 1\na { x = 1 }\nm = 2\nz = 3");

        Assert.Equal(["z", "a", "m"], config.GetKeys());
    }

    [Fact]
    public void QuotedPath_ReadsKeyContainingDots()
    {
        var config = TestHocon.Parse("a { \"b.c\" { d = 1 } }");

        Assert.Equal(1, config.GetInt("a.\"b.c\".d"));
        Assert.False(config.HasPath("a.b.c.d"));
    }

    [Fact]
    public void GetOrigin_ReturnsWhereValueWasDefined()
    {
        var config = ConfigurationFactory.ParseString("a {\n  b = 1\n}\nc = ${a.b}", TestHocon.Options() with { FileName = "node.conf" });

        Assert.Equal(new HoconOrigin("node.conf", 2, 7), config.GetOrigin("a.b"));
        Assert.Equal(new HoconOrigin("node.conf", 2, 7), config.GetOrigin("c"));
        Assert.Null(config.GetOrigin("missing"));
        Assert.Equal("node.conf:2:7", config.GetOrigin("a.b").ToString());
    }

    [Fact]
    public void WithFallback_MissingKeys_ComeFromFallbackAtAnyDepth()
    {
        var app = TestHocon.Parse("akka.actor { ask-timeout = 5s }\nname = app");
        var reference = TestHocon.Parse("akka.actor { ask-timeout = 10s, mailbox = bounded }\nname = reference\nport = 2552");

        var config = app.WithFallback(reference);

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("akka.actor.ask-timeout"));
        Assert.Equal("bounded", config.GetString("akka.actor.mailbox"));
        Assert.Equal("app", config.GetString("name"));
        Assert.Equal(2552, config.GetInt("port"));
    }

    [Fact]
    public void WithFallback_NonAdjacentObjects_DoNotMerge()
    {
        var first = TestHocon.Parse("a : { x : 1 }");
        var second = TestHocon.Parse("a : 42");
        var third = TestHocon.Parse("a : { y : 2 }");

        var config = first.WithFallback(second).WithFallback(third);

        Assert.Equal(["x"], config.GetConfig("a").GetKeys());
    }

    [Fact]
    public void WithFallback_AdjacentObjects_Merge()
    {
        var first = TestHocon.Parse("a : { x : 1 }");
        var second = TestHocon.Parse("a : { y : 2 }");
        var third = TestHocon.Parse("a : 42");

        var config = first.WithFallback(second).WithFallback(third);

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void WithFallback_LeavesBothSidesUnchanged()
    {
        var app = TestHocon.Parse("a = 1");
        var reference = TestHocon.Parse("b = 2");

        _ = app.WithFallback(reference);

        Assert.Equal(["a"], app.GetKeys());
        Assert.Equal(["b"], reference.GetKeys());
    }

    [Fact]
    public void Empty_HasNoKeys()
    {
        Assert.True(ConfigurationFactory.Empty.IsEmpty);
        Assert.Empty(ConfigurationFactory.Empty.GetKeys());
        Assert.Same(ConfigurationFactory.Empty, ConfigurationFactory.Empty.WithFallback(ConfigurationFactory.Empty));
    }

    [Fact]
    public void AsEnumerable_YieldsLeafPaths()
    {
        var config = TestHocon.Parse("a { b = 1, \"c.d\" = x, e = [1, 2], n = null }\nf = true\ng {}");

        var leaves = config.AsEnumerable().ToDictionary(p => p.Key, p => p.Value.ToString());

        Assert.Equal(["a.b", "a.\"c.d\"", "a.e", "a.n", "f"], leaves.Keys);
        Assert.Equal("\"x\"", leaves["a.\"c.d\""]);
        Assert.Equal(1, config.GetInt(config.AsEnumerable().First().Key));
    }

    [Fact]
    public void ToString_RendersJsonThatParsesToSameConfig()
    {
        var config = TestHocon.Parse("a { b = 1.50, c = \"q\\\"uote\\n\", d = [x, null, {}], e = {} }\n\"k.e.y\" = true");

        var reparsed = TestHocon.Parse(config.ToString());

        Assert.Equal(config.ToString(), reparsed.ToString());
        Assert.Equal("1.50", reparsed.GetString("a.b"));
        Assert.Equal("q\"uote\n", reparsed.GetString("a.c"));
        Assert.True(reparsed.GetBoolean("\"k.e.y\""));
    }

    [Fact]
    public void Config_ReadFromManyThreads_ReturnsSameValues()
    {
        var config = TestHocon.Parse("a { b = 1, c = [x, y] }");

        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => (config.GetInt("a.b"), config.GetStringList("a.c").Count)).ToList();

        Assert.All(results, r => Assert.Equal((1, 2), r));
    }

    [Fact]
    public void Config_ReturnedCollections_CannotBeChanged()
    {
        var config = TestHocon.Parse("a = [1, 2]\nb = 3");

        Assert.True(((ICollection<string>)config.GetKeys()).IsReadOnly);
        Assert.True(((ICollection<HoconValue>)config.Root.GetObject()["a"].GetArray()).IsReadOnly);
    }

    [Fact]
    public void HoconValue_WrongAccessor_Throws()
    {
        var config = TestHocon.Parse("a = 1\nb { }");

        Assert.Throws<InvalidOperationException>(() => config.Root.GetObject()["a"].GetObject());
        Assert.Throws<InvalidOperationException>(() => config.Root.GetObject()["a"].GetArray());
        Assert.Throws<InvalidOperationException>(() => config.Root.GetObject()["b"].GetString());
    }
}
