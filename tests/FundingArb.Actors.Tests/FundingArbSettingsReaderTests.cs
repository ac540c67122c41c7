using FundingArb.Actors.Control;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class FundingArbSettingsReaderTests
{
    [Fact]
    public void ReferenceConf_StrategySection_DocumentsTheDefaultsTheCodeUses()
    {
        var reference = HoconDocument.ParseFile(Path.Combine(AppContext.BaseDirectory, "reference.conf")).Config.GetConfig("strategy.funding-arb");

        var read = FundingArbSettingsReader.Read(reference);

        var defaults = FundingArbSettings.Default;
        Assert.Equal(defaults with { Assets = read.Assets, Venues = read.Venues }, read);
        Assert.Empty(read.Assets);
    }

    [Fact]
    public void Read_Overrides_BindEveryBlock()
    {
        var section = HoconDocument.Parse("""
            assets = [BTC, ETH], size-quote = 2500, rollback-threshold = 0.8
            exit { time-limit { enabled = on, limit = 2d }, funding-flip { enabled = off } }
            execution { mode = limit-chaser, chase-threshold-bps = 3 }
            """).Config;

        var read = FundingArbSettingsReader.Read(section);

        Assert.Equal(["BTC", "ETH"], read.Assets.ToArray());
        Assert.Equal((2500m, 0.8m), (read.SizeQuote, read.RollbackThreshold));
        Assert.Equal((TimeSpan.FromDays(2), (decimal?)null), (read.Exit.TimeLimit, read.Exit.FlipThresholdPerDay));
        Assert.Equal((ExecutionMode.LimitChaser, 3m), (read.Orders.Mode, read.Orders.ChaseThresholdBps));
    }

    [Fact]
    public void Read_NoSection_GivesTheDefaults()
    {
        var read = FundingArbSettingsReader.Read(null);

        Assert.Equal(FundingArbSettings.Default with { Assets = read.Assets, Venues = read.Venues }, read);
        Assert.Equal((0, 0), (read.Assets.Length, read.Venues.Length));
    }

    [Theory]
    [InlineData("size-quot = 5", "strategy.funding-arb.size-quot")]
    [InlineData("size-quote = -5", "strategy.funding-arb.size-quote")]
    [InlineData("size-quote = lots", "strategy.funding-arb.size-quote")]
    [InlineData("rollback-threshold = 1.5", "strategy.funding-arb.rollback-threshold")]
    [InlineData("scan-interval = soon", "strategy.funding-arb.scan-interval")]
    [InlineData("exit { funding-flop { } }", "strategy.funding-arb.exit.funding-flop")]
    [InlineData("exit { funding-flip { enabled = maybe } }", "strategy.funding-arb.exit.funding-flip.enabled")]
    [InlineData("execution { mode = yolo }", "strategy.funding-arb.execution.mode")]
    public void Read_BadKeyOrValue_ThrowsNamingTheKey(string hocon, string key)
    {
        var error = Assert.Throws<ConfigKeyException>(() => FundingArbSettingsReader.Read(HoconDocument.Parse(hocon).Config));

        Assert.Equal(key, error.Path);
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsFor_BadStrategyValueInAScenario_NamesTheScenarioKeyAndItsLine()
    {
        var scenario = TwoVenueScenario.Create(strategy: "size-quote = -5");

        var error = Assert.Throws<ScenarioException>(() => ScenarioSimulation.SettingsFor(scenario));

        Assert.Equal(("scenario.strategy.funding-arb.size-quote", 31), (error.Path, error.Line));
    }
}
