using FundingArb.Actors.Pairs;
using FundingArb.Node.Logging;
using FundingArb.Node.Tests.Hosting;
using Serilog;

namespace FundingArb.Node.Tests.Logging;

public sealed class NodeLoggingTests
{
    private const string Secret = "s3cr3t-token-value-42";
    private static readonly string[] s_pairProperties = ["ExecutorId", "Symbol", "LongVenue", "ShortVenue"];

    [Fact]
    public void Secrets_are_masked_by_property_name_and_by_value_anywhere_in_an_event()
    {
        var masking = new SecretMasking();
        masking.Register(Secret);
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().Enrich.With(masking).WriteTo.Sink(sink).CreateLogger();

        logger.Information("login with {ApiToken}", "whatever-it-is");
        logger.Information("header was {Header}", $"Bearer {Secret}");
        logger.Information("request {@Request}", new { Path = "/x", Authorization = "abc", Nested = new[] { Secret } });

        var rendered = string.Join("\n", sink.Events.Select(e => e.RenderMessage() + string.Join(",", e.Properties.Values)));
        Assert.DoesNotContain(Secret, rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("whatever-it-is", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("\"abc\"", rendered, StringComparison.Ordinal);
        var events = sink.Events.ToArray();
        Assert.Equal("\"***\"", events[0].Properties["ApiToken"].ToString());
        Assert.Equal("\"Bearer ***\"", events[1].Properties["Header"].ToString());
        Assert.Equal("{ Path: \"/x\", Authorization: \"***\", Nested: [\"***\"] }", events[2].Properties["Request"].ToString());
    }

    // Akka.Logger.Serilog names the logging actor in LogSource; a line from an executor or one of its order actors gets
    // the pair's identity, a line from any other actor none.
    [Fact]
    public void Akka_log_lines_from_a_pair_carry_its_executor_id_symbol_and_venues()
    {
        var pairs = new PairLogContext();
        pairs.Add(new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 1000m));
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.With(new PairEnricher(pairs)).WriteTo.Sink(sink).CreateLogger();

        logger.ForContext("LogSource", "akka://fundingarb/user/orchestrator/pair-BTC-alpha-beta-1/entry-long-1")
            .Warning("{Leg} retrying after {Error}", "entry-long", "timeout");
        logger.ForContext("LogSource", "akka://fundingarb/user/market-data").Information("fetched {Count}", 3);

        var pairLine = sink.Events.First();
        Assert.Equal("\"entry-long\" retrying after \"timeout\"", pairLine.RenderMessage());
        Assert.Equal(
            ["\"pair-BTC-alpha-beta-1\"", "\"BTC/USDT\"", "\"alpha:BTCUSDT\"", "\"beta:BTCUSDT\""],
            s_pairProperties.Select(p => pairLine.Properties[p].ToString()));
        Assert.False(sink.Events.Last().Properties.ContainsKey("ExecutorId"));
    }

    [Fact]
    public async Task The_api_token_never_reaches_the_json_log_files()
    {
        var data = RunningNode.NewDataDirectory();
        try
        {
            await using (var node = await RunningNode.StartInProcessAsync(dataDirectory: data))
            {
                var log = node.App.Services.GetService(typeof(Serilog.ILogger)) as Serilog.ILogger;
                log!.Warning("a careless line with {Value} and {Authorization}", RunningNode.Token, "Bearer anything");
                using var client = node.CreateClient(authorized: true);
                Assert.True((await client.PostAsync("/api/v1/positions/sync", null)).IsSuccessStatusCode);
            }

            var files = Directory.GetFiles(Path.Combine(data, "logs"), "*.json");
            var text = string.Concat(files.Select(File.ReadAllText));
            Assert.Contains("a careless line", text, StringComparison.Ordinal);
            Assert.DoesNotContain(RunningNode.Token, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer anything", text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task A_connector_venues_secret_never_reaches_the_json_log_files()
    {
        const string VenueSecret = "venue-secret-0123456789";
        var data = RunningNode.NewDataDirectory();
        try
        {
            // Nothing listens on port 1: the connector only has to exist for its keys to be read and registered.
            await using (var node = await RunningNode.StartInProcessAsync(speed: 1, dataDirectory: data, overrides: new Dictionary<string, string>
            {
                ["CONFIG_FORCE_fundingarb_venues_beta_kind"] = "bybit-v5",
                ["CONFIG_FORCE_fundingarb_venues_beta_rest__url"] = "http://127.0.0.1:1",
                ["CONFIG_FORCE_fundingarb_venues_beta_ws__url"] = "ws://127.0.0.1:1",
                ["CONFIG_FORCE_fundingarb_venues_beta_api__key__env"] = "TEST_BETA_KEY",
                ["CONFIG_FORCE_fundingarb_venues_beta_api__secret__env"] = "TEST_BETA_SECRET",
                ["TEST_BETA_KEY"] = "venue-key",
                ["TEST_BETA_SECRET"] = VenueSecret,
            }))
            {
                var log = node.App.Services.GetService(typeof(Serilog.ILogger)) as Serilog.ILogger;
                log!.Warning("a careless line with {Value}", $"signed with {VenueSecret}");
            }

            var text = string.Concat(Directory.GetFiles(Path.Combine(data, "logs"), "*.json").Select(File.ReadAllText));
            Assert.Contains("a careless line", text, StringComparison.Ordinal);
            Assert.Contains("keys from environment variables TEST_BETA_KEY, TEST_BETA_SECRET", text, StringComparison.Ordinal);
            Assert.DoesNotContain(VenueSecret, text, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
