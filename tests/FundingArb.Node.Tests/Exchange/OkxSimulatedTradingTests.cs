using System.Collections;
using FundingArb.Exchange;
using FundingArb.Exchange.Okx;
using FundingArb.Node.Configuration;
using FundingArb.Node.Hosting;
using FundingArb.Trading.Instruments;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Paper;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Tests.Exchange;

// `simulated-trading` on an okx-v5 venue, from the node's configuration to the header the exchange checks: OKX's demo
// trading (which the exchange serves) needs `x-simulated-trading: 1` on every signed request, and refuses a request
// without it as a key of the other environment (50101), as it would refuse a live key sent with it.
public sealed class OkxSimulatedTradingTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);
    private readonly string _folder = Directory.CreateTempSubdirectory("fundingarb-okx-").FullName;
    private SimulatedVenue? _venue;
    private ExchangeServer? _server;

    public async Task InitializeAsync()
    {
        var usdt = new Asset("USDT");
        var instrument = new Instrument(new VenueId("gamma"), new Symbol("BTCUSDT"), new Asset("BTC"), usdt, new TradingRules(0.1m, 1m, 1m, 0m, 0.01m));
        _venue = new SimulatedVenue(new SimulatedVenueSettings(new VenueId("gamma")) { Balances = [new Money(1_000m, usdt)] },
            [new MarketSettings(instrument, new PricePathModel([new PricePoint(DateTimeOffset.UnixEpoch, 60_000m)]))], [], 1, TimeProvider.System);
        _server = await ExchangeServer.StartAsync([(new ServedVenue(_venue, new ExchangeAccount("demo", "demo-secret", "demo-pass"), TimeProvider.System),
            (IVenueProtocol)new OkxV5Protocol(), 0)]);
    }

    public async Task DisposeAsync()
    {
        await _server!.DisposeAsync();
        _venue!.Dispose();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    // A live venue keeps no paper account, so the store is never read.
    private IVenue LiveConnector(NodeVenueSettings settings) =>
        ConnectorVenues.Create(settings, new PaperStateStore(_folder), (venue, failure) => throw new InvalidOperationException($"{venue} saved a paper account", failure));

    [Fact]
    public async Task SimulatedTradingOn_SendsTheHeader_AndTheDemoExchangeServesTheKey()
    {
        using var connector = (IDisposable)LiveConnector(Gamma("simulated-trading = on"));

        var balances = await ((IVenue)connector).GetBalancesAsync(CancellationToken.None).AsTask().WaitAsync(s_deadline);

        Assert.Equal(1_000m, Assert.Single(balances).Wallet);
    }

    [Theory]
    [InlineData("simulated-trading = off")]
    [InlineData("")]
    public async Task SimulatedTradingOffOrUnset_SendsNoHeader_AndTheDemoExchangeRefusesTheKeyAsAnotherEnvironments(string setting)
    {
        using var connector = (IDisposable)LiveConnector(Gamma(setting));

        var refused = await Assert.ThrowsAsync<AuthenticationFailedException>(() => ((IVenue)connector).GetBalancesAsync(CancellationToken.None).AsTask().WaitAsync(s_deadline));

        Assert.StartsWith(FundingArb.Venues.Okx.OkxCode.WrongEnvironment, refused.Reason, StringComparison.Ordinal);
    }

    private NodeVenueSettings Gamma(string setting)
    {
        var endpoint = _server!.Endpoints[0];
        var file = Path.Combine(_folder, "node.conf");
        File.WriteAllText(file, $$"""
            fundingarb.venues.gamma {
              kind = okx-v5
              rest-url = "{{endpoint.RestUrl}}"
              ws-url = "ws://{{endpoint.RestUrl.Authority}}"
              api-key-env = OKX_KEY
              api-secret-env = OKX_SECRET
              passphrase-env = OKX_PASS
              {{setting}}
            }
            """);
        var environment = new Hashtable { ["OKX_KEY"] = "demo", ["OKX_SECRET"] = "demo-secret", ["OKX_PASS"] = "demo-pass" };
        return NodeConfigLoader.Load(NodeRunOptions.None with { ConfigFile = file }, environment).Venues.Single(v => v.Name == "gamma");
    }
}
