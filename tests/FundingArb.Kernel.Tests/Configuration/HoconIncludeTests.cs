using FundingArb.Kernel.Configuration;

namespace FundingArb.Kernel.Tests.Configuration;

/// The spec's "Includes" section through an IncludeResolver (ParseString) and through files (ParseFile).
public sealed class HoconIncludeTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hocon-include-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Include_QuotedName_MergesFieldsInPlace()
    {
        var config = Parse("a = 1\ninclude \"b.conf\"\nc = 3", ("b.conf", "b = 2"));

        Assert.Equal(["a", "b", "c"], config.GetKeys());
    }

    [Fact]
    public void Include_KeyBeforeInclude_IsOverriddenByIncluded()
    {
        var config = Parse("a = 1\nobj { x = 1 }\ninclude \"b.conf\"", ("b.conf", "a = 2\nobj { y = 2 }"));

        Assert.Equal(2, config.GetInt("a"));
        Assert.Equal(["x", "y"], config.GetConfig("obj").GetKeys());
    }

    [Fact]
    public void Include_KeyAfterInclude_OverridesIncluded()
    {
        var config = Parse("include \"b.conf\"\na = 1", ("b.conf", "a = 2"));

        Assert.Equal(1, config.GetInt("a"));
    }

    [Theory]
    [InlineData("include file(\"b.conf\")")]
    [InlineData("include file( \"b.conf\" )")]
    [InlineData("include required(\"b.conf\")")]
    [InlineData("include required(file(\"b.conf\"))")]
    [InlineData("include\n  \"b.conf\"")]
    public void Include_Syntaxes_LoadTheName(string text)
    {
        var config = Parse(text, ("b.conf", "b = 2"));

        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Include_MissingName_IsIgnored()
    {
        var config = Parse("a = 1\ninclude \"missing.conf\"");

        Assert.Equal(["a"], config.GetKeys());
    }

    [Fact]
    public void Include_StringWithoutResolver_IsMissing()
    {
        var config = TestHocon.Parse("include \"b.conf\"\na = 1");

        Assert.Equal(["a"], config.GetKeys());
    }

    [Fact]
    public void Include_RequiredMissing_FailsAtInclude()
    {
        var error = Assert.Throws<HoconParseException>(() => Parse("a = 1\n  include required(\"missing.conf\")"));

        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("missing.conf", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("include url(\"http://example.com/a.conf\")")]
    [InlineData("include classpath(\"a.conf\")")]
    [InlineData("include b")]
    [InlineData("include : 1")]
    [InlineData("include required(required(\"b.conf\"))")]
    public void Include_UnsupportedOrMalformed_Fails(string text)
    {
        Assert.Throws<HoconParseException>(() => Parse(text, ("b.conf", "b = 2")));
    }

    [Fact]
    public void Include_Basename_MergesPropertiesThenJsonThenConf()
    {
        var config = Parse(
            "include \"c\"",
            ("c.properties", "p = from-properties\nall = properties"),
            ("c.json", """{ "j" : "from-json", "all" : "json" }"""),
            ("c.conf", "h = from-conf\nall = conf"));

        Assert.Equal("from-properties", config.GetString("p"));
        Assert.Equal("from-json", config.GetString("j"));
        Assert.Equal("conf", config.GetString("all"));
    }

    [Fact]
    public void Include_InsideObject_PlacesFieldsThere()
    {
        var config = Parse("letters { include \"a.conf\" }", ("a.conf", "a = ok"));

        Assert.Equal("ok", config.GetString("letters.a"));
    }

    [Theory]
    [InlineData("a : { include \"foo.conf\" }", 10)]
    [InlineData("{\n a : { include \"foo.conf\" }\n a : { x : 42 }\n}", 42)]
    public void Include_SubstitutionInIncludedFile_IsFixedUpToIncludeLocation(string text, int expected)
    {
        var config = Parse(text, ("foo.conf", "{ x : 10, y : ${x} }"));

        Assert.Equal(expected, config.GetInt("a.y"));
    }

    [Fact]
    public void Include_SubstitutionNotInIncludedFile_FallsBackToRoot()
    {
        var config = Parse("top = 5\na { include \"foo.conf\" }", ("foo.conf", "y = ${top}"));

        Assert.Equal(5, config.GetInt("a.y"));
    }

    [Fact]
    public void Include_NestedInclude_IsRelativeToIncludingName()
    {
        var requested = new List<string>();
        var options = TestHocon.Options() with
        {
            IncludeResolver = name =>
            {
                requested.Add(name);
                return name switch { "dir/a.conf" => "include \"b.conf\"", "dir/b.conf" => "b = 2", _ => null };
            },
        };

        var config = ConfigurationFactory.ParseString("include \"dir/a.conf\"", options);

        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(["dir/a.conf", "dir/b.conf"], requested);
    }

    [Fact]
    public void Include_ArrayRoot_Fails()
    {
        var error = Assert.Throws<HoconParseException>(() => Parse("include \"a.json\"", ("a.json", "[1, 2]")));

        Assert.Equal("a.json", error.File);
    }

    [Fact]
    public void Include_ErrorInIncludedText_ReportsIncludedName()
    {
        var error = Assert.Throws<HoconParseException>(() => Parse("a = 1\ninclude \"b.conf\"", ("b.conf", "x = 1\ny = [1,,2]")));

        Assert.Equal(("b.conf", 2, 8), (error.File, error.Line, error.Column));
        Assert.StartsWith("b.conf:2:8:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Cycle_Fails()
    {
        var error = Assert.Throws<HoconParseException>(() => Parse("include \"a.conf\"", ("a.conf", "include \"b.conf\""), ("b.conf", "include \"a.conf\"")));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_Properties_AreStringsWithObjectWinning()
    {
        var config = Parse("include \"p.properties\"", ("p.properties", "# comment\n! comment\na.b = world\na = hello\nn : 42\nlong = x\\\n    y\nkey\\ name value"));

        Assert.Equal("world", config.GetString("a.b"));
        Assert.Equal(HoconValueKind.String, config.Root.GetObject()["n"].Kind);
        Assert.Equal(42, config.GetInt("n"));
        Assert.Equal("xy", config.GetString("long"));
        Assert.Equal("value", config.GetString("\"key name\""));
    }

    [Fact]
    public void ParseFile_Include_IsRelativeToIncludingFile()
    {
        Write("main.conf", "letters { include \"letters/a.conf\" }\ninclude \"root/foo.conf\"");
        Write("letters/a.conf", "numbers { include \"numbers/1.conf\" }\na = ok");
        Write("letters/numbers/1.conf", "\"1\" = 1");
        Write("root/foo.conf", "root = \"included at the root\"");

        var config = ConfigurationFactory.ParseFile(Path.Combine(_directory.FullName, "main.conf"), TestHocon.Options());

        Assert.Equal(1, config.GetInt("letters.numbers.\"1\""));
        Assert.Equal("ok", config.GetString("letters.a"));
        Assert.Equal("included at the root", config.GetString("root"));
    }

    [Fact]
    public void ParseFile_ErrorInIncludedFile_ReportsThatFile()
    {
        Write("main.conf", "include \"sub/bad.conf\"");
        var bad = Write("sub/bad.conf", "a = 1\nb = @");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(Path.Combine(_directory.FullName, "main.conf"), TestHocon.Options()));

        Assert.Equal((bad, 2, 5), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void ParseFile_Origin_NamesTheFileAndLine()
    {
        var main = Write("main.conf", "include \"b.conf\"\na = 1");
        var included = Write("b.conf", "\n\nb = 2");

        var config = ConfigurationFactory.ParseFile(main, TestHocon.Options());

        Assert.Equal(new HoconOrigin(main, 2, 5), config.GetOrigin("a"));
        Assert.Equal(new HoconOrigin(included, 3, 5), config.GetOrigin("b"));
    }

    [Fact]
    public void ParseFile_FileIncludingItself_Fails()
    {
        var main = Write("main.conf", "a = 1\ninclude \"main.conf\"");

        var error = Assert.Throws<HoconParseException>(() => ConfigurationFactory.ParseFile(main, TestHocon.Options()));

        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => ConfigurationFactory.ParseFile(Path.Combine(_directory.FullName, "none.conf")));
    }

    private static Config Parse(string text, params (string Name, string Text)[] files)
    {
        var byName = files.ToDictionary(f => f.Name, f => f.Text, StringComparer.Ordinal);
        return ConfigurationFactory.ParseString(text, TestHocon.Options() with { IncludeResolver = byName.GetValueOrDefault });
    }

    private string Write(string relativePath, string text)
    {
        var path = Path.Combine(_directory.FullName, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
