using FundingArb.Trading.Instruments;
using FundingArb.Venues.Simulation.Snapshots;

namespace FundingArb.Venues.Paper;

public sealed partial class PaperVenue
{
    /// The account's whole state now, for a PaperVenue started after a restart.
    public PaperVenueSnapshot Export()
    {
        lock (_gate)
        {
            return new PaperVenueSnapshot
            {
                Venue = Id.Value,
                At = Now,
                OrderNumber = _orderNumber,
                TradeNumber = _tradeNumber,
                EventSequence = _eventSequence,
                Wallets = SnapshotMapping.ToSnapshot(_wallets),
                Markets = [.. _markets.Values.Select(ExportMarket)],
                Orders = [.. _orderLog.Select(ExportOrder)],
                FundingPayments = [.. _fundingPayments.Select(SnapshotMapping.ToSnapshot)],
            };
        }
    }

    private static PaperMarketSnapshot ExportMarket(PaperMarket market)
    {
        var instrument = market.Instrument;
        var rules = instrument.Rules;
        return new PaperMarketSnapshot
        {
            Symbol = instrument.Symbol.Value,
            Base = instrument.Base.Code,
            Quote = instrument.Quote.Code,
            TickSize = rules.TickSize,
            StepSize = rules.StepSize,
            MinSize = rules.MinSize,
            MinNotional = rules.MinNotional,
            ContractMultiplier = rules.ContractMultiplier,
            PriceBand = rules.PriceBand,
            Position = SnapshotMapping.ToSnapshot(market.Position),
        };
    }

    private static OrderSnapshot ExportOrder(PaperOrder order) => new()
    {
        ClientOrderId = order.Request.ClientOrderId.Value,
        Symbol = order.Request.Instrument.Symbol.Value,
        Side = order.Request.Side,
        Type = order.Request.Type,
        Quantity = order.Request.Quantity,
        Price = order.Request.Price,
        TimeInForce = order.Request.TimeInForce,
        ReduceOnly = order.Request.ReduceOnly,
        Number = order.Number,
        FillCap = order.Request.Quantity,
        IsResting = order.IsResting,
        CreatedAt = order.History[0].At,
        Events = [.. order.History.Select(SnapshotMapping.ToSnapshot)],
    };

    private void Import(PaperVenueSnapshot saved)
    {
        if (saved.Venue != Id.Value)
        {
            throw new ArgumentException($"The paper state is of venue {saved.Venue}, not {Id}.", nameof(saved));
        }

        (_orderNumber, _tradeNumber, _eventSequence) = (saved.OrderNumber, saved.TradeNumber, saved.EventSequence);
        _venueNow = saved.At;
        foreach (var wallet in saved.Wallets)
        {
            _wallets[new Asset(wallet.Asset)] = wallet.Amount;
        }

        foreach (var m in saved.Markets)
        {
            var instrument = new Instrument(Id, new Symbol(m.Symbol), new Asset(m.Base), new Asset(m.Quote),
                new TradingRules(m.TickSize, m.StepSize, m.MinSize, m.MinNotional, m.ContractMultiplier, m.PriceBand));
            MarketOf(instrument).Position = SnapshotMapping.FromSnapshot(m.Position, instrument);
        }

        foreach (var o in saved.Orders.OrderBy(o => o.Number))
        {
            var market = _markets.TryGetValue(new Symbol(o.Symbol), out var known)
                ? known
                : throw new FormatException($"The paper state's order {o.ClientOrderId} is on {o.Symbol}, a market it does not list.");
            var request = SnapshotMapping.ToRequest(o, market.Instrument);
            var order = new PaperOrder(request, market, o.Number, o.CreatedAt);
            foreach (var e in o.Events)
            {
                order.Apply(SnapshotMapping.FromSnapshot(e, request));
            }

            _orders.Add(request.ClientOrderId, order);
            _orderLog.Add(order);
            if (o.IsResting)
            {
                Rest(order);
            }
        }

        _fundingPayments.AddRange(saved.FundingPayments.Select(p => SnapshotMapping.FromSnapshot(p, Id)));
    }
}
