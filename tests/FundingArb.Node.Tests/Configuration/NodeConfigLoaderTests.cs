using System.Collections;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;

namespace FundingArb.Node.Tests.Configuration;

public sealed class NodeConfigLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void The_default_node_runs_three_venues_with_8h_4h_and_1h_funding_on_the_sqlite_journal()
    {
        var settings = NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, new Hashtable());

        Assert.Equal(["alpha 8", "beta 4", "gamma 1"],
            settings.Simulation.Venues.Select(v => $"{v.Settings.Id.Value} {v.Settings.FundingInterval.TotalHours}"));
        Assert.Equal("akka.persistence.journal.fundingarb-sqlite", settings.Config.GetString("akka.persistence.journal.plugin"));
        Assert.Equal(("127.0.0.1", 5080), (settings.HttpHost, settings.HttpPort));
        Assert.Equal(Path.GetFullPath("data"), settings.DataDirectory);
        Assert.Equal(1.0, settings.Speed);
        Assert.Equal(10_000m, settings.Actors.Orchestrator.Strategy.SizeQuote);
        Assert.Equal(0.0005m, settings.Actors.Orchestrator.Strategy.FeesOf("alpha").TakerRate);
    }

    [Fact]
    public void An_unknown_key_stops_the_node_naming_the_file_line_and_key()
    {
        var file = Write("node.conf", """
            fundingarb.node {
              name = test
              htp.port = 5081
            }
            """);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:3", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fundingarb.node.htp.port", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_value_stops_the_node_naming_the_file_line_and_key()
    {
        var file = Write("node.conf", """
            include "defaults.conf"
            fundingarb.node.http.port = 70000
            """);
        Write("defaults.conf", File.ReadAllText(NodeConfigLoader.FindDefaultFile()));

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:2", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fundingarb.node.http.port", failure.Message, StringComparison.Ordinal);
        Assert.Contains("70000", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_strategy_value_names_its_key_and_where_it_was_written()
    {
        var file = Write("node.conf", $$"""
            include "defaults.conf"
            strategy.funding-arb.scan-interval = soon
            """);
        Write("defaults.conf", File.ReadAllText(NodeConfigLoader.FindDefaultFile()));

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("scan-interval", failure.Message, StringComparison.Ordinal);
        Assert.Contains("node.conf:2", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_risk_value_names_its_key_and_line()
    {
        var file = Write("node.conf", """
            include "defaults.conf"
            fundingarb.risk {
              max-open-pairs = none
            }
            """);
        Write("defaults.conf", File.ReadAllText(NodeConfigLoader.FindDefaultFile()));

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:3", failure.Message, StringComparison.Ordinal);
        Assert.Contains("fundingarb.risk.max-open-pairs", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("akka.persistence.journal.fundingarb-sqlite.batch-size = lots", "'lots' is not a number")]
    [InlineData("akka.persistence.query.journal.fundingarb-sqlite.refresh-interval = often", "is not a duration")]
    [InlineData("akka.persistence.journal.fundingarb-sqlite.auto-initialize = maybe", "is not a boolean")]
    [InlineData("fundingarb.node.http.port { number = 1 }", "takes a value, not a section")]
    [InlineData("fundingarb.node.http = 5080", "takes a section (keys in braces), not a value")]
    [InlineData("fundingarb.node.name = null", "is required")]
    public void A_value_of_the_wrong_kind_names_its_key_and_line(string line, string problem)
    {
        var file = Write("node.conf", $"include \"defaults.conf\"\n{line}\n");
        Write("defaults.conf", File.ReadAllText(NodeConfigLoader.FindDefaultFile()));

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:2", failure.Message, StringComparison.Ordinal);
        Assert.Contains(line.Split(' ')[0], failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_names_the_file_line_and_column()
    {
        var file = Write("node.conf", "fundingarb.node {\n  name = [a,,b]\n}\n");

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("node.conf:2:13", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_configuration_takes_its_fundingarb_variables_from_the_environment()
    {
        var environment = new Hashtable { ["FUNDINGARB_LOGLEVEL"] = "DEBUG" };

        var settings = NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, environment);

        Assert.Equal("DEBUG", settings.Config.GetString("akka.loglevel"));
        Assert.Equal("INFO", NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, new Hashtable())
            .Config.GetString("akka.loglevel"));
    }

    [Fact]
    public void The_embedded_reference_configuration_is_hocon_reference_conf()
    {
        var embedded = ReferenceConfig.Load(_ => null);
        var shipped = FundingArb.Venues.Hocon.HoconDocument.ParseFile(Path.Combine(AppContext.BaseDirectory, "hocon", "reference.conf"), _ => null);

        Assert.Equal(shipped.Config.ToString(), embedded.Config.ToString());
        Assert.Equal(5080, embedded.Config.GetInt("fundingarb.node.http.port"));
    }

    [Fact]
    public void A_node_without_venues_is_refused()
    {
        var file = Write("node.conf", """
            fundingarb.node.simulation { name = empty, seed = 1, start = "2026-01-01T00:00:00Z", duration = 1d, venues = [], markets = [] }
            """);

        var failure = Assert.Throws<NodeConfigurationException>(() => Load(file));

        Assert.Contains("fundingarb.node.simulation.venues", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var failure = Assert.Throws<NodeConfigurationException>(() => Load(Path.Combine(_folder, "absent.conf")));

        Assert.Contains("absent.conf", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_override_any_key_and_options_override_both()
    {
        var environment = new Hashtable
        {
            ["CONFIG_FORCE_fundingarb_node_http_port"] = "5099",
            ["CONFIG_FORCE_strategy_funding__arb_size__quote"] = "2500",
            ["CONFIG_FORCE_fundingarb_node_speed"] = "5",
            ["UNRELATED"] = "x",
        };

        var fromEnvironment = NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, environment);
        var fromOptions = NodeConfigLoader.Load(new NodeRunOptions(NodeConfigLoader.FindDefaultFile(), 60, _folder), environment);

        Assert.Equal((5099, 2500m, 5.0), (fromEnvironment.HttpPort, fromEnvironment.Actors.Orchestrator.Strategy.SizeQuote, fromEnvironment.Speed));
        Assert.Equal((60.0, _folder), (fromOptions.Speed, fromOptions.DataDirectory));
    }

    [Fact]
    public void An_environment_variable_for_an_unknown_key_is_refused()
    {
        var environment = new Hashtable { ["CONFIG_FORCE_fundingarb_node_prot"] = "1" };

        var failure = Assert.Throws<NodeConfigurationException>(() =>
            NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = NodeConfigLoader.FindDefaultFile() }, environment));

        Assert.Contains("fundingarb.node.prot", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CONFIG_FORCE_", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fundingarb_node_http_port", "\"fundingarb\".\"node\".\"http\".\"port\"")]
    [InlineData("strategy_funding__arb_size__quote", "\"strategy\".\"funding-arb\".\"size-quote\"")]
    [InlineData("a___b_c", "\"a_b\".\"c\"")]
    [InlineData("a____b", "\"a_\".\"b\"")]
    public void Variable_names_map_to_paths_as_in_the_reference_implementation(string name, string path) =>
        Assert.Equal(path, EnvironmentOverrides.PathOf(name));

    [Theory]
    [InlineData(new[] { "--port", "1" }, "unknown argument '--port'")]
    [InlineData(new[] { "--speed" }, "--speed needs a value")]
    [InlineData(new[] { "--speed", "fast" }, "--speed 'fast' is not a number above zero")]
    [InlineData(new[] { "--speed", "-2" }, "--speed '-2' is not a number above zero")]
    public void Bad_arguments_are_named(string[] args, string problem)
    {
        Assert.Null(NodeRunOptions.Parse(args, out var reported));
        Assert.Equal(problem, reported);
    }

    [Fact]
    public void Options_are_read()
    {
        var options = NodeRunOptions.Parse(["--config", "x.conf", "--speed", "2.5", "--data", "d"], out var problem);

        Assert.Null(problem);
        Assert.Equal(new NodeRunOptions("x.conf", 2.5, "d"), options);
    }

    private static NodeSettings Load(string file) => NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = file }, new Hashtable());

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
