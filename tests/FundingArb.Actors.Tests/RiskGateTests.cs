using FundingArb.Actors.Pairs;
using FundingArb.Actors.Risk;
using Akka.Actor;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Simulation;
using FundingArb.Trading.Executors;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Actors.Tests;

public sealed class RiskGateTests() : TestKit(InMemoryJournal.Config)
{
    private static readonly DateTimeOffset s_day = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_loss_taken_today_stops_new_pairs_until_the_next_utc_day()
    {
        var gate = Sys.ActorOf(RiskGate.Props(new RiskGateSettings { DailyLossLimit = 100m, MaxOpenPairs = 5 }));
        var watcher = CreateTestProbe();
        Sys.EventStream.Subscribe(watcher.Ref, typeof(RiskStatus));

        gate.Tell(new ExecutorUpdated(Report("pair-BTC-alpha-beta-1", -60m, s_day.AddHours(10))));
        gate.Tell(new ExecutorUpdated(Report("pair-ETH-alpha-gamma-1", -30m, s_day.AddHours(11))));
        gate.Tell(GetRiskStatus.Instance);
        var within = ExpectMsg<RiskStatus>();
        gate.Tell(new ExecutorUpdated(Report("pair-BTC-alpha-beta-1", -75m, s_day.AddHours(12))));
        var stopped = watcher.FishForMessage<RiskStatus>(s => !s.NewPairsAllowed);
        gate.Tell(new ExecutorUpdated(Report("pair-BTC-alpha-beta-1", -76m, s_day.AddDays(1).AddHours(1))));
        var nextDay = watcher.FishForMessage<RiskStatus>(s => s.NewPairsAllowed);

        Assert.Equal((-90m, true), (within.DailyPnlQuote, within.NewPairsAllowed));
        Assert.Equal("today's loss 105 has reached the limit 100", stopped.Refusal);
        Assert.Equal(-1m, nextDay.DailyPnlQuote);
    }

    [Fact]
    public void Active_pairs_beyond_the_limit_stop_new_pairs_and_a_closed_one_frees_its_place()
    {
        var gate = Sys.ActorOf(RiskGate.Props(new RiskGateSettings { DailyLossLimit = null, MaxOpenPairs = 2 }));

        gate.Tell(new ExecutorUpdated(Report("pair-BTC-alpha-beta-1", 0m, s_day)));
        gate.Tell(new ExecutorUpdated(Report("pair-ETH-alpha-gamma-1", 0m, s_day)));
        gate.Tell(GetRiskStatus.Instance);
        var full = ExpectMsg<RiskStatus>();
        gate.Tell(new ExecutorUpdated(Report("pair-ETH-alpha-gamma-1", 0m, s_day, PairPhase.Closed)));
        gate.Tell(GetRiskStatus.Instance);
        var freed = ExpectMsg<RiskStatus>();

        Assert.Equal("2 pairs are active, the limit is 2", full.Refusal);
        Assert.True(freed.NewPairsAllowed);
    }

    [Fact]
    public void The_kill_switch_is_journalled_and_survives_the_gate_restarting()
    {
        var gate = Sys.ActorOf(RiskGate.Props(RiskGateSettings.Default), "risk-gate");
        gate.Tell(new EngageKillSwitch("drill", CloseAll: false));
        Assert.True(ExpectMsg<RiskStatus>().KillSwitchEngaged);
        Watch(gate);
        Sys.Stop(gate);
        ExpectTerminated(gate);

        var restarted = Sys.ActorOf(RiskGate.Props(RiskGateSettings.Default), "risk-gate-again");
        restarted.Tell(GetRiskStatus.Instance);
        var status = ExpectMsg<RiskStatus>();

        Assert.Equal(("the kill switch is engaged: drill", "drill"), (status.Refusal, status.KillSwitchReason));
        restarted.Tell(ReleaseKillSwitch.Instance);
        Assert.True(ExpectMsg<RiskStatus>().NewPairsAllowed);
    }

    [Fact]
    public void Settings_read_every_limit_and_off()
    {
        var settings = RiskGateSettings.Read(HoconDocument.Parse("daily-loss-limit = off\nmax-order-size = 2.5\nmax-order-value = off").Config);

        Assert.Equal((null, 20, 2.5m, null, 0.05m), (settings.DailyLossLimit, settings.MaxOpenPairs, settings.OrderLimits.MaxOrderSize,
            settings.OrderLimits.MaxOrderValue, settings.OrderLimits.MaxPriceDeviation));
    }

    [Theory]
    [InlineData("max-order-sise = 2", "fundingarb.risk.max-order-sise", "unknown key")]
    [InlineData("max-order-value = -1", "fundingarb.risk.max-order-value", "must be above zero, or off")]
    [InlineData("max-open-pairs = many", "fundingarb.risk.max-open-pairs", "'many' is not a number")]
    public void Settings_name_a_bad_key_or_value_by_its_path(string hocon, string path, string problem)
    {
        var error = Assert.Throws<ConfigKeyException>(() => RiskGateSettings.Read(HoconDocument.Parse(hocon).Config));

        Assert.Equal(path, error.Path);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_risk_key_that_is_unknown_is_named_with_its_line()
    {
        var scenario = TwoVenueScenario.Create(risk: "max-open-pairs = 3\n    max-order-sise = 2");

        var error = Assert.Throws<ScenarioException>(() => ScenarioSimulation.SettingsFor(scenario));

        Assert.Equal(("scenario.risk.max-order-sise", 36), (error.Path, error.Line));
    }

    private static PairReport Report(string id, decimal netPnl, DateTimeOffset at, PairPhase phase = PairPhase.Open)
    {
        var parts = id.Split('-');
        return new PairReport(new PairSpec(id, parts[1], parts[2], $"{parts[1]}USDT", parts[3], $"{parts[1]}USDT", "USDT", 1000m), phase,
            phase == PairPhase.Closed ? RunnableStatus.Terminated : RunnableStatus.Running, null, null, at, null, 0.01m, 0.01m, -0.01m, 0m, 0m, netPnl, netPnl,
            20m, [], at);
    }
}
