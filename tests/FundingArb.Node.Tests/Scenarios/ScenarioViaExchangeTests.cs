using System.Collections.Concurrent;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Simulation;
using FundingArb.Node.Scenarios;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Tests.Scenarios;

// Shipped scenarios run with their venues behind the simulated exchange (Kestrel on loopback, each venue in a real
// venue's protocol) and the node reaching them through the connectors, on the scenario's virtual clock; compared with
// the same scenario run in process where the wire does not change the outcome (where it does, and why, is in
// docs/scenarios.md, "Behind the exchange"). Whatever the wire changes, no combination may end with a position no live
// pair holds, or a live pair whose legs differ: a pair reported closed or rolled back holds nothing at any venue.
public sealed class ScenarioViaExchangeTests
{
    private static readonly ConcurrentDictionary<string, Lazy<SimulationResult>> s_inProcess = new(StringComparer.Ordinal);

    /// Every scenario short enough to run here under every protocol; false where the wire changes the outcome (beta on
    /// bybit-v5: its clock read moves beta's refusal in crash-entry-rollback past the crash, docs/scenarios.md).
    public static TheoryData<string, string, bool> EveryProtocol()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var name in (string[])["crash-entry-rollback", "crash-entry-funding-exit", "fault-heavy", "interval-change"])
        {
            foreach (var protocol in ExchangeScenarioRun.Protocols.Prepend(ExchangeScenarioRun.Mixed))
            {
                var betaOnBybit = ExchangeScenarioRun.ProtocolOf(protocol, 1) == "bybit-v5";
                data.Add(name, protocol, !(name == "crash-entry-rollback" && betaOnBybit));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryProtocol))]
    public async Task ShippedScenario_BehindTheExchange_LeavesEveryPositionToAHedgedLivePair(string name, string protocol, bool endsAsInProcess)
    {
        var scenario = Load(name);

        var viaExchange = await ExchangeScenarioRun.RunAsync(scenario, protocol);

        var live = viaExchange.Executors.Where(e => e.Phase != PairPhase.Closed).ToArray();
        Assert.All(live, e => Assert.Equal(e.LongQuantity, -e.ShortQuantity));
        // By venue and size: a connector names the market in its venue's protocol (OKX's BTC-USDT-SWAP), the venue in its own.
        var held = live.SelectMany(e => (string[])[$"{e.Spec.LongVenue} {e.LongQuantity:0.########}", $"{e.Spec.ShortVenue} {e.ShortQuantity:0.########}"]);
        var positions = viaExchange.Venues.SelectMany(v => v.Positions.Select(p => $"{v.Id.Value} {p.NetQuantity:0.########}"));
        Assert.Equal(held.Where(IsOpen).Order(StringComparer.Ordinal), positions.Where(IsOpen).Order(StringComparer.Ordinal));
        Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(viaExchange));
        if (endsAsInProcess)
        {
            var inProcess = s_inProcess.GetOrAdd(name, _ => new Lazy<SimulationResult>(() => ScenarioSimulation.Run(scenario))).Value;
            Assert.Equal(CloseTypes(inProcess), CloseTypes(viaExchange));
            Assert.Equal(Positions(inProcess), Positions(viaExchange));
            Assert.Equal(0, ScenarioReport.DuplicateClientOrderIds(inProcess));
        }
    }

    [Theory]
    [InlineData("crash-entry-funding-exit", ExchangeScenarioRun.Mixed)]
    [InlineData("crash-entry-funding-exit", "binance-usdm")]
    [InlineData("crash-entry-rollback", "binance-usdm")]
    [InlineData("crash-entry-rollback", "bybit-v5")]
    [InlineData("crash-entry-rollback", "okx-v5")]
    public async Task ShippedScenario_BehindTheExchangeTwice_GivesTheSameReport(string name, string protocol)
    {
        var scenario = Load(name);

        var first = await ExchangeScenarioRun.RunAsync(scenario, protocol);
        var second = await ExchangeScenarioRun.RunAsync(scenario, protocol);

        Assert.Equal(ScenarioReport.ToJson(first), ScenarioReport.ToJson(second));
    }

    [Fact]
    public void ProtocolOf_Mixed_GivesTheVenuesTheProtocolsRoundRobin()
    {
        var protocols = Enumerable.Range(0, 4).Select(i => ExchangeScenarioRun.ProtocolOf(ExchangeScenarioRun.Mixed, i));

        Assert.Equal(["binance-usdm", "bybit-v5", "okx-v5", "binance-usdm"], protocols);
    }

    [Fact]
    public void ProtocolOf_UnknownProtocol_NamesIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ExchangeScenarioRun.ProtocolOf("ftx", 0));

        Assert.Contains("'ftx'", error.Message, StringComparison.Ordinal);
    }

    private static Scenario Load(string name) => ScenarioLoader.LoadFile(Path.Combine(RepositoryFolder.Root, "hocon", "scenarios", $"{name}.conf"));

    private static string[] CloseTypes(SimulationResult result) =>
        [.. result.Executors.Select(e => $"{e.Spec.ExecutorId} {e.Status} {e.CloseType?.ToString() ?? "open"}").Order(StringComparer.Ordinal)];

    private static bool IsOpen(string position) => !position.EndsWith(" 0", StringComparison.Ordinal);

    private static string[] Positions(SimulationResult result) =>
        [.. result.Venues.SelectMany(v => v.Positions.Select(p => $"{v.Id.Value} {p.Key.Symbol.Value} {p.NetQuantity:0.########}")).Order(StringComparer.Ordinal)];
}
