using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Errors;

namespace FundingArb.Venues.Simulation;

// Cross margin per collateral asset: every market quoted in USDT shares the USDT wallet. Initial margin is
// notional / leverage for positions (at mark) and for the unfilled part of working orders that do not only reduce
// (at their price). An order must find its margin plus its taker fee in Available; an order that only reduces the
// position needs none.

public sealed partial class SimulatedVenue
{
    public ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken) =>
        RequestAsync<ImmutableArray<PositionSummary>>(() => OpenPositions(), cancellationToken);

    public ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken) =>
        RequestAsync<ImmutableArray<VenueBalance>>(() => AllBalances(), cancellationToken);

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var market = Market(symbol);
        return RequestAsync<ImmutableArray<FundingPayment>>(() => FundingHistory(market.Instrument.Symbol, since), cancellationToken);
    }

    private ImmutableArray<FundingPayment> FundingHistory(Symbol symbol, DateTimeOffset since) =>
        [.. _fundingPayments.Where(p => p.Symbol == symbol && p.At >= since)];

    private ImmutableArray<PositionSummary> OpenPositions() =>
        [.. _markets.Where(m => m.Position.NetQuantity != 0m).Select(m => m.Position.Summary(m.Mark))];

    private ImmutableArray<VenueBalance> AllBalances() => [.. _wallets.Keys.Select(Balance)];

    private VenueBalance Balance(Asset asset)
    {
        var unrealized = 0m;
        var positionMargin = 0m;
        var orderMargin = 0m;
        foreach (var market in _markets)
        {
            if (market.Instrument.Quote != asset)
            {
                continue;
            }

            if (market.Position.NetQuantity != 0m)
            {
                var mark = market.Mark;
                unrealized += market.Position.UnrealizedPnl(mark);
                positionMargin += market.Position.Amount * mark / _settings.Leverage;
            }

            orderMargin += OrderMargin(market.RestingBuys) + OrderMargin(market.RestingSells);
        }

        return new VenueBalance(asset, Wallet(asset), unrealized, positionMargin, orderMargin);
    }

    private decimal OrderMargin(List<OrderRecord> resting)
    {
        var total = 0m;
        foreach (var record in resting)
        {
            if (!record.Request.ReduceOnly)
            {
                total += record.Fillable * record.Request.Price!.Value / _settings.Leverage;
            }
        }

        return total;
    }

    private void CheckMargin(OrderRequest request, MarketState market)
    {
        if (request.ReduceOnly)
        {
            return;
        }

        var opening = request.Quantity - Math.Min(request.Quantity, ReduceOnlyRoom(request.Side, market.Position.NetQuantity));
        if (opening == 0m)
        {
            return;
        }

        var price = request.Price ?? market.Book.Price(request.Side == OrderSide.Buy
            ? market.Book.BestTicks(bid: false) ?? market.Book.BestAskTicksUntouched
            : market.Book.BestTicks(bid: true) ?? market.Book.BestBidTicksUntouched);
        var required = (opening * price / _settings.Leverage) + (request.Quantity * price * _settings.Fees.TakerRate);
        var available = Balance(market.Instrument.Quote).Available;
        if (required > available)
        {
            throw Refuse(request, new InsufficientMarginException(Id, request.ClientOrderId, required, available));
        }
    }
}
