using FundingArb.Venues.Hocon;

namespace FundingArb.Venues.Tests.Hocon;

public sealed class HoconDocumentTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hocon-document-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("a.b.c", 1, 1)]
    [InlineData("a.b", 1, 1)]
    [InlineData("o.x", 3, 3)]
    [InlineData("o.\"k.v\"", 4, 3)]
    [InlineData("l[1]", 6, 17)]
    [InlineData("l[1].n", 6, 19)]
    [InlineData("o.missing", 2, 1)]
    public void Find_WrittenKey_GivesItsLineAndColumn(string path, int line, int column)
    {
        var document = HoconDocument.Parse("""
            a.b.c = 1
            o {
              x = 2
              "k.v" = 3
            }
            l = [{ n = 1 }, { n = 2 }]
            """, "t.conf");

        Assert.Equal(new HoconPosition("t.conf", line, column), document.Positions.Find(path));
    }

    [Fact]
    public void Find_KeyWrittenTwice_GivesTheDefinitionThatWon()
    {
        var document = HoconDocument.Parse("a = 1\na = 2", "t.conf");

        Assert.Equal(("2", 2), (document.Config.GetString("a"), document.Positions.Find("a")!.Value.Line));
    }

    [Fact]
    public void Find_KeyOfAnInclude_GivesTheIncludedFileAndLine()
    {
        File.WriteAllText(Path.Combine(_folder, "defaults.conf"), "x = 1\nnode {\n  port = 80\n}");
        var file = Write("main.conf", "include \"defaults.conf\"\nnode.name = n");

        var document = HoconDocument.ParseFile(file);

        Assert.Equal((80, "n"), (document.Config.GetInt("node.port"), document.Config.GetString("node.name")));
        Assert.Equal(new HoconPosition(Path.Combine(_folder, "defaults.conf"), 3, 3), document.Positions.Find("node.port"));
        Assert.Equal(2, document.Positions.Find("node.name")!.Value.Line);
    }

    [Fact]
    public void ParseFile_IncludeFileAndRequiredForms_AreReadAsPlainIncludes()
    {
        File.WriteAllText(Path.Combine(_folder, "a.conf"), "a = 1");
        File.WriteAllText(Path.Combine(_folder, "b.conf"), "b = 2");
        var file = Write("main.conf", "include file(\"a.conf\")\nsub { include required(file(\"b\")) }\ninclude \"absent.conf\"");

        var document = HoconDocument.ParseFile(file);

        Assert.Equal((1, 2), (document.Config.GetInt("a"), document.Config.GetInt("sub.b")));
    }

    [Fact]
    public void ParseFile_SubstitutionsInAFileIncludedAtTheTop_ResolveAgainstTheWholeDocument()
    {
        // hocon/cluster/: the shared file builds values from its own keys, and from a key the including file sets.
        File.WriteAllText(Path.Combine(_folder, "shared.conf"),
            "hosts { seed = \"127.0.0.1:4061\", seed = ${?SEED} }\nseeds = [\"akka.tcp://s@\"${hosts.seed}]\nurl = \"http://\"${hosts.exchange}\ninclude \"more.conf\"");
        File.WriteAllText(Path.Combine(_folder, "more.conf"), "label = ${name}\"-node\"");
        var file = Write("main.conf", "name = ap\ninclude \"shared.conf\"\nhosts.exchange = \"exchange:7100\"");

        var loopback = HoconDocument.ParseFile(file, _ => null);
        var named = HoconDocument.ParseFile(file, Environment(("SEED", "node-ap-1:4061")));

        Assert.Equal(["akka.tcp://s@127.0.0.1:4061"], loopback.Config.GetStringList("seeds"));
        Assert.Equal(["akka.tcp://s@node-ap-1:4061"], named.Config.GetStringList("seeds"));
        Assert.Equal(("http://exchange:7100", "ap-node"), (named.Config.GetString("url"), named.Config.GetString("label")));
        Assert.Equal(new HoconPosition(Path.Combine(_folder, "shared.conf"), 3, 1), named.Positions.Find("url"));
        Assert.Equal(new HoconPosition(Path.Combine(_folder, "more.conf"), 1, 1), named.Positions.Find("label"));
    }

    [Fact]
    public void ParseFile_MissingRequiredInclude_NamesItsLine()
    {
        var file = Write("main.conf", "a = 1\ninclude required(\"absent.conf\")");

        var error = Assert.Throws<HoconSyntaxException>(() => HoconDocument.ParseFile(file));

        Assert.Equal((file, 2), (error.File, error.Line));
    }

    [Fact]
    public void Parse_OptionalSubstitution_TakesTheEnvironmentVariableWhenSet()
    {
        var document = HoconDocument.Parse("level = INFO\nlevel = ${?LEVEL}\nother = 1", environment: Environment(("LEVEL", "DEBUG")));

        Assert.Equal(("DEBUG", 1), (document.Config.GetString("level"), document.Config.GetInt("other")));
    }

    [Fact]
    public void Parse_OptionalSubstitutionUnset_KeepsTheEarlierValueAndItsPosition()
    {
        var document = HoconDocument.Parse("o { level = INFO, level = ${?LEVEL}, after = 2 }\nnext = 3", "t.conf", Environment());

        Assert.Equal(("INFO", 2, 3), (document.Config.GetString("o.level"), document.Config.GetInt("o.after"), document.Config.GetInt("next")));
        Assert.Equal(new HoconPosition("t.conf", 1, 5), document.Positions.Find("o.level"));
    }

    [Fact]
    public void Parse_SubstitutionOfAKey_IsResolvedByAkka()
    {
        var document = HoconDocument.Parse("port = 80\nport = ${?PORT}\nurl = \"http://localhost:\"${port}", environment: Environment(("PORT", "9000")));

        Assert.Equal("http://localhost:9000", document.Config.GetString("url"));
    }

    [Fact]
    public void Parse_CommaAfterAnObjectField_IsAccepted()
    {
        var document = HoconDocument.Parse("m = [{ depth { levels = 10 }, funding = [{ at = 0h }] }]");

        Assert.Equal("0h", document.Config.GetValue("m").GetArray()[0].GetChildObject("funding").GetArray()[0].GetChildObject("at").GetString());
    }

    [Theory]
    [InlineData("a = [1,,2]", 1, 8, "unexpected ','")]
    [InlineData("a {\n  b = 1\n", 3, 1, "expected '}'")]
    [InlineData("a = [1\nb = 2", 2, 3, "expected ',' or ']'")]
    [InlineData("a\nb = 1", 2, 1, "after the key 'a'")]
    [InlineData("a = ", 1, 5, "expected a value for 'a'")]
    [InlineData("a = [1]\na += 2", 2, 3, "'+=' is not supported")]
    [InlineData("path = /bin\npath = ${path}\":/usr/bin\"", 2, 8, "the key it sets")]
    [InlineData("a = ${NOT_SET_ANYWHERE}", 1, 5, "cannot resolve")]
    [InlineData("a = \"open", 1, 5, "not closed")]
    [InlineData("a = 1 }", 1, 7, "unexpected '}'")]
    [InlineData("a = x:y", 1, 6, "expected ',' or a new line")]
    public void Parse_TextAkkaWouldMisread_FailsWithItsPosition(string text, int line, int column, string problem)
    {
        var error = Assert.Throws<HoconSyntaxException>(() => HoconDocument.Parse(text, "t.conf", Environment()));

        Assert.Equal(("t.conf", line, column), (error.File, error.Line, error.Column));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HostileNesting_FailsWithAnErrorNotTheStack()
    {
        var error = Assert.Throws<HoconSyntaxException>(() => HoconDocument.Parse("a = " + new string('[', 100_000)));

        Assert.Contains("nest more than 256 deep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingWhitespaceAndCommentsAfterLists_KeepTheListsLists()
    {
        var document = HoconDocument.Parse("a = []   # none\nb = [x, y]   \nc = 5 minutes // five");

        var reader = new HoconReader(document.Config, "");

        Assert.Equal((0, 2, TimeSpan.FromMinutes(5)), (reader.GetStringList("a").Count, reader.GetStringList("b").Count, reader.GetTimeSpan("c")));
    }

    [Fact]
    public void WithFallback_KeyInBothLayers_IsFoundInTheOneThatWon()
    {
        var user = HoconDocument.Parse("a = 2", "user.conf");
        var defaults = HoconDocument.Parse("a = 1\nb = 1", "reference.conf");

        var merged = user.WithFallback(defaults);

        Assert.Equal((2, "user.conf:1:1", "reference.conf:2:1"), (merged.Config.GetInt("a"), merged.Positions.Find("a").ToString(), merged.Positions.Find("b").ToString()));
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
