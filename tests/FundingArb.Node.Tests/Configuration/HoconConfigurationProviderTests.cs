using FundingArb.Node.Configuration;
using FundingArb.Venues.Hocon;
using Microsoft.Extensions.Configuration;

namespace FundingArb.Node.Tests.Configuration;

public sealed class HoconConfigurationProviderTests : IDisposable
{
    private const string NodeConf = """
        fundingarb.node {
          name = node-1
          port = 8081
          max-notional = 25000.50
          enabled = true
          heartbeat-interval = 10s
          roles = [ trading, api ]
          venues = [
            { name = alpha, taker-fee = 0.0004 }
            { name = beta, taker-fee = 0.00055 }
          ]
        }
        """;

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("hocon-provider-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void AddHoconFile_NestedObjects_FlattenToColonKeys()
    {
        var configuration = Build("a { b { c = 1 } }\n\"d.e\" = x");

        Assert.Equal("1", configuration["a:b:c"]);
        Assert.Equal("x", configuration["d.e"]);
    }

    [Fact]
    public void AddHoconFile_Arrays_FlattenToIndexes()
    {
        var configuration = Build("a = [x, y]\nb = [ { n = 1 }, { n = 2 } ]");

        Assert.Equal("y", configuration["a:1"]);
        Assert.Equal("2", configuration["b:1:n"]);
    }

    [Fact]
    public void AddHoconFile_Scalars_KeepTheirWrittenText()
    {
        var configuration = Build("timeout = 10s\nwindow = 5 minutes\nfee = 0.000500\nlimit = infinite");

        Assert.Equal("10s", configuration["timeout"]);
        Assert.Equal("5 minutes", configuration["window"]);
        Assert.Equal("0.000500", configuration["fee"]);
        Assert.Equal("infinite", configuration["limit"]);
    }

    [Fact]
    public void AddHoconFile_NullAndEmptyContainers_AreNullValues()
    {
        var configuration = Build("n = null\no {}\na = []");

        var data = configuration.AsEnumerable().ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(["a", "n", "o"], data.Keys.Order(StringComparer.Ordinal));
        Assert.All(data.Values, Assert.Null);
    }

    [Fact]
    public void AddHoconFile_Keys_AreCaseInsensitive()
    {
        var configuration = Build("Fundingarb.Port = 1");

        Assert.Equal("1", configuration["fundingarb:port"]);
    }

    [Fact]
    public void Get_OptionsRecord_BindsFromHocon()
    {
        var configuration = Build(NodeConf);

        var options = configuration.GetSection("fundingarb:node").Get<TestNodeOptions>();

        Assert.NotNull(options);
        Assert.Equal("node-1", options.Name);
        Assert.Equal(8081, options.Port);
        Assert.Equal(25000.50m, options.MaxNotional);
        Assert.True(options.Enabled);
        Assert.Equal("10s", options.HeartbeatInterval);
        Assert.Equal(["trading", "api"], options.Roles);
        Assert.Equal([new TestVenueOptions { Name = "alpha", TakerFee = 0.0004m }, new TestVenueOptions { Name = "beta", TakerFee = 0.00055m }], options.Venues);
    }

    [Fact]
    public void Get_KebabCaseKeyWithoutKeyName_StaysDefault()
    {
        var configuration = Build(NodeConf);

        var options = configuration.GetSection("fundingarb:node").Get<TestUnmappedOptions>()!;

        Assert.Equal(0m, options.MaxNotional);
    }

    [Fact]
    public void AddHocon_ParsedConfig_ExposesResolvedSubstitutions()
    {
        var config = HoconDocument.Parse(
            "port = 80\nport = ${?NODE_PORT}\nurl = \"http://localhost:\"${port}",
            environment: name => name == "NODE_PORT" ? "9000" : null).Config;

        var configuration = new ConfigurationBuilder().AddHocon(config).Build();

        Assert.Equal("9000", configuration["port"]);
        Assert.Equal("http://localhost:9000", configuration["url"]);
    }

    [Fact]
    public void AddHoconFile_OptionalMissing_AddsNothing()
    {
        var configuration = new ConfigurationBuilder().AddHoconFile(Path.Combine(_directory.FullName, "none.conf"), optional: true).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_RequiredMissing_FailsOnBuild()
    {
        var builder = new ConfigurationBuilder().AddHoconFile(Path.Combine(_directory.FullName, "none.conf"));

        Assert.Throws<FileNotFoundException>(() => builder.Build());
    }

    [Fact]
    public void AddHoconFile_InvalidHocon_FailsWithPosition()
    {
        var path = Write("a = [1,,2]");

        var error = Assert.Throws<HoconSyntaxException>(() => new ConfigurationBuilder().AddHoconFile(path).Build());

        Assert.Equal((path, 1, 8), (error.File, error.Line, error.Column));
    }

    [Fact]
    public void AddHoconFile_LaterSource_Overrides()
    {
        var path = Write("a = 1\nb = 2");

        var configuration = new ConfigurationBuilder()
            .AddHoconFile(path)
            .AddInMemoryCollection([new KeyValuePair<string, string?>("b", "3")])
            .Build();

        Assert.Equal("1", configuration["a"]);
        Assert.Equal("3", configuration["b"]);
    }

    private IConfigurationRoot Build(string hocon) => new ConfigurationBuilder().AddHoconFile(Write(hocon)).Build();

    private string Write(string text)
    {
        var path = Path.Combine(_directory.FullName, $"node-{_directory.GetFiles().Length}.conf");
        File.WriteAllText(path, text);
        return path;
    }
}
