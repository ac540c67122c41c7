using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using FundingArb.Kernel;
using FundingArb.Kernel.TestKit;
using FundingArb.Node.Logging;
using FundingArb.Node.Tests.Hosting;
using Serilog;
using KernelLogEvent = FundingArb.Kernel.LogEvent;
using KernelLogLevel = FundingArb.Kernel.LogLevel;

namespace FundingArb.Node.Tests.Logging;

public sealed class NodeLoggingTests : TestKit
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

    [Fact]
    public async Task Kernel_log_lines_from_a_pair_carry_its_executor_id_symbol_and_venues()
    {
        var sink = new CapturingSink();
        using var logger = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(sink).CreateLogger();
        var forwarder = Sys.ActorOf(KernelLogForwarder.Props(logger, new PairLogContext()), "forwarder");
        forwarder.Tell(new ExecutorRegistered(new PairSpec("pair-BTC-alpha-beta-1", "BTC", "alpha", "BTCUSDT", "beta", "BTCUSDT", "USDT", 1000m)));

        forwarder.Tell(new KernelLogEvent(KernelLogLevel.Warning, default, "fundingarb://fundingarb/user/orchestrator/pair-BTC-alpha-beta-1/entry-long-1",
            null, "{Leg} retrying after {Error}", [ "entry-long", "timeout" ], null));
        forwarder.Tell(new KernelLogEvent(KernelLogLevel.Info, default, "fundingarb://fundingarb/user/market-data", null, "fetched {Count}", [3], null));

        await AwaitAssertAsync(() => Assert.Equal(2, sink.Events.Count));
        var pairLine = sink.Events.First();
        Assert.Equal("\"entry-long\" retrying after \"timeout\"", pairLine.RenderMessage());
        Assert.Equal(Serilog.Events.LogEventLevel.Warning, pairLine.Level);
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
}
