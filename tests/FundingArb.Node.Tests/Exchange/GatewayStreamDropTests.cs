using System.Collections.Immutable;
using Akka.TestKit.Xunit2;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Actors.Venues;
using FundingArb.Exchange.Tests.Streams;
using FundingArb.Trading.Orders;

namespace FundingArb.Node.Tests.Exchange;

// The node's own path, end to end over real sockets: an order actor works a resting buy of 0.5 BTC through a venue
// gateway and each protocol's connector. The buy fills in five parts of 0.1, a part a second; the first part (normally
// carried by the user stream, which the test waits to be open) is followed by an exchange-side drop
// (`POST /admin/faults`, 10 s) while the other four fill. The gateway resubscribes with backoff, the order actor
// reads the order back through REST, and the leg must end with every part counted once: five fills, 0.5 BTC, the
// venue's fees, and the venue's position of 0.5.
public sealed class GatewayStreamDropTests : TestKit
{
    private static readonly LegId s_leg = new(LegStage.Entry, IsLong: true);
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(ServedConnector.Binance)]
    [InlineData(ServedConnector.Bybit)]
    [InlineData(ServedConnector.Okx)]
    public async Task UserStreamDroppedMidFill_TheLegCountsEveryFillOnce(string protocol)
    {
        await using var served = await ServedConnector.StartAsync(protocol);
        var instrument = await served.InstrumentAsync();
        var gateway = Sys.ActorOf(VenueGateway.Props(served.Connector, VenueGatewaySettings.Default with
        {
            ReconnectMinBackoff = TimeSpan.FromMilliseconds(50), ReconnectMaxBackoff = TimeSpan.FromMilliseconds(200),
        }));
        var id = new ClientOrderId("gatewaydrop1");
        var buy = OrderRequest.Limit(id, instrument, OrderSide.Buy, 0.5m, 999m);
        var parent = CreateTestProbe();
        parent.ChildActorOf(OrderActor.Props(
            new LegAssignment(s_leg, instrument, OrderSide.Buy, 0.5m, ReduceOnly: false, ExecutionMode.LimitOnly, [], ImmutableHashSet<string>.Empty, buy),
            gateway, OrderSettings.Default with { Mode = ExecutionMode.LimitOnly, RetryBackoff = TimeSpan.FromMilliseconds(100) }));
        await AwaitAssertAsync(() => Assert.Equal((OrderStatus.Open, 1), (served.Venue.FindOrder(id)?.Status, served.Venue.UserStreamCount)),
            s_deadline);

        served.Clock.AdvanceTo(ServedConnector.DipAt);
        await served.PostFaultAsync("""{"kind":"disconnect","duration":"10s"}""");
        for (var part = 2; part <= 5; part++)
        {
            served.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(OrderStatus.Filled, served.Venue.FindOrder(id)!.Status);
        served.Clock.Advance(TimeSpan.FromSeconds(6));
        var reported = new List<Fill>();
        LegDone? done = null;
        while (done is null)
        {
            switch (await parent.ReceiveOneAsync(s_deadline))
            {
                case LegFillReported fill:
                    reported.Add(fill.Fill);
                    break;
                case LegDone finished:
                    done = finished;
                    break;
                case null:
                    Assert.Fail($"the leg did not finish; fills reported: {reported.Count}");
                    break;
            }
        }

        var venueFills = served.Venue.FindOrder(id)!.Fills;
        var position = Assert.Single(await served.Connector.GetPositionsAsync(ServedConnector.Guard()));
        Assert.Equal((0.5m, (string?)null), (done.Filled, done.Failure));
        Assert.Equal(5, reported.Select(f => f.TradeId).Distinct().Count());
        Assert.Equal(venueFills.Select(f => (f.Price, f.Quantity, f.Fee.Amount)), reported.OrderBy(f => f.At).Select(f => (f.Price, f.Quantity, f.Fee.Amount)));
        Assert.Equal(0.5m, position.Amount);

        // The gateway's stream holds a socket open, which the server would otherwise wait out when it is disposed.
        Watch(gateway);
        Sys.Stop(gateway);
        await ExpectTerminatedAsync(gateway, s_deadline);
    }
}
