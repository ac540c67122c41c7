using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Tests;

/// A reproducible stream of orders, cancels and waits from a seed, the way a strategy's traffic looks to a venue:
/// takers and makers on both sides, prices a few basis points around the mid, reduce-only closes, idle gaps.
internal sealed class TradingScript(int seed, Instrument instrument)
{
    private readonly Random _random = new(seed);
    private int _orders;

    public static MarketSettings RandomMarket(Instrument instrument, decimal volatility = 0.8m) =>
        new(instrument, new RandomWalkModel(1000m, 0.1m, volatility))
        {
            SpreadBps = 4m,
            Depth = new BookDepth(10, 20_000m, 3m),
            Funding = new MeanRevertingFundingModel(0.0001m, 0.00005m, 3m, 0.001m, TimeSpan.FromMinutes(5), 0.003m),
        };

    /// Runs actions; a refused request is part of the traffic, not a failure of the script.
    public void Run(SimulatedVenue venue, VirtualClock clock, int actions)
    {
        for (var i = 0; i < actions; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(_random.Next(0, 900)));
            var call = Next(venue);
            clock.Advance(TimeSpan.FromSeconds(1));
            Assert.True(call.IsCompleted, "a request completes within a second of virtual time");
            if (call.IsFaulted)
            {
                Assert.IsAssignableFrom<VenueException>(call.Exception!.InnerException);
            }
        }
    }

    private Task Next(SimulatedVenue venue)
    {
        var open = venue.Orders.Where(o => !o.Order.IsTerminal).Select(o => o.Order.ClientOrderId).ToArray();
        if (open.Length > 0 && _random.Next(4) == 0)
        {
            return venue.CancelOrderAsync(open[_random.Next(open.Length)], CancellationToken.None).AsTask();
        }

        return venue.PlaceOrderAsync(NextOrder(venue), CancellationToken.None).AsTask();
    }

    private OrderRequest NextOrder(SimulatedVenue venue)
    {
        var id = new ClientOrderId(string.Create(CultureInfo.InvariantCulture, $"s{seed}-{++_orders}"));
        var side = _random.Next(2) == 0 ? OrderSide.Buy : OrderSide.Sell;
        var quantity = _random.Next(1, 3000) * instrument.Rules.BaseStep;
        var reduceOnly = _random.Next(5) == 0;
        var mid = venue.Mid(instrument.Symbol);
        var offsetBps = _random.Next(-15, 16);
        var price = instrument.Rules.QuantizePrice(mid * (1m + (offsetBps / 10_000m)), side);
        return _random.Next(4) switch
        {
            0 => OrderRequest.Market(id, instrument, side, quantity, reduceOnly: reduceOnly),
            1 => OrderRequest.PostOnly(id, instrument, side, quantity, price, reduceOnly),
            2 => OrderRequest.Limit(id, instrument, side, quantity, price, TimeInForce.Ioc, reduceOnly),
            _ => OrderRequest.Limit(id, instrument, side, quantity, price, TimeInForce.Gtc, reduceOnly),
        };
    }
}
