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
    public void Read_EntryAndCostAwareExitKeys_BindAndTheExitsShareTheEntrysCoverAndHorizon()
    {
        var section = HoconDocument.Parse("""
            horizon = 2d
            entry { cost-cover = 2.5, persistence-samples = 7, estimate { predicted-weight = 0.5, settled-weight = 0.3, sample-weight = 0.2, settled-window = 1d } }
            exit { min-hold = 4h, profit-erosion { min-cover = 0.25 } }
            """).Config;

        var read = FundingArbSettingsReader.Read(section);

        Assert.Equal((2.5m, 7), (read.Entry.CostCover, read.Entry.PersistenceSamples));
        Assert.Equal((0.5m, 0.3m, 0.2m, TimeSpan.FromDays(1)),
            (read.Entry.Estimate.Predicted, read.Entry.Estimate.Settled, read.Entry.Estimate.Sample, read.Entry.Estimate.SettledWindow));
        Assert.Equal((TimeSpan.FromHours(4), (decimal?)0.25m), (read.Exit.MinHold, read.Exit.ErosionMinCover));
        Assert.Equal((2.5m, TimeSpan.FromDays(2)), (read.Exit.ReentryCover, read.Exit.Horizon));
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
    [InlineData("entry { cost-covr = 2 }", "strategy.funding-arb.entry.cost-covr")]
    [InlineData("entry { cost-cover = 0.9 }", "strategy.funding-arb.entry.cost-cover")]
    [InlineData("entry { persistence-samples = 0 }", "strategy.funding-arb.entry.persistence-samples")]
    [InlineData("entry.estimate { sample-weight = -0.1 }", "strategy.funding-arb.entry.estimate.sample-weight")]
    [InlineData("entry.estimate { predicted-weight = 0, sample-weight = 0 }", "strategy.funding-arb.entry.estimate.predicted-weight")]
    [InlineData("entry.estimate { settled-window = 0s }", "strategy.funding-arb.entry.estimate.settled-window")]
    [InlineData("exit { min-hold = -1h }", "strategy.funding-arb.exit.min-hold")]
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

        Assert.Equal(("scenario.strategy.funding-arb.size-quote", 32), (error.Path, error.Line));
    }
}
