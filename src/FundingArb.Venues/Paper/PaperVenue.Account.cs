using System.Collections.Immutable;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;
using FundingArb.Trading.Positions;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Venues.Paper;

// Cross margin per collateral asset, as the simulator keeps it: initial margin is notional / leverage for positions (at
// the venue's mark) and for the unfilled part of resting orders that do not only reduce (at their price). An order must
// find its margin plus its taker fee in Available; an order that only reduces needs none. The paper account does not
// liquidate: it is a rehearsal, and a wallet that goes below zero says so plainly.

public sealed partial class PaperVenue
{
    private readonly List<FundingPayment> _fundingPayments = [];

    public async ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        await RefreshMarksAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return [.. _markets.Values.Where(m => m.Position.NetQuantity != 0m).Select(m => m.Position.Summary(MarkOf(m)))];
        }
    }

    public async ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        await RefreshMarksAsync(cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            return [.. _wallets.Keys.Select(Balance)];
        }
    }

    public ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<ImmutableArray<FundingPayment>>(cancellationToken);
        }

        lock (_gate)
        {
            return ValueTask.FromResult<ImmutableArray<FundingPayment>>([.. _fundingPayments.Where(p => p.Symbol == symbol && p.At >= since)]);
        }
    }

    /// Reads the venue's mark of every market the account holds a position in; a venue that cannot answer leaves the
    /// last mark it gave.
    private async ValueTask RefreshMarksAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Symbol[] held;
        lock (_gate)
        {
            held = [.. _markets.Values.Where(m => m.Position.NetQuantity != 0m).Select(m => m.Instrument.Symbol)];
        }

        foreach (var symbol in held)
        {
            try
            {
                ObserveMark(await _market.GetMarkPriceAsync(symbol, cancellationToken).ConfigureAwait(false));
            }
            catch (VenueException)
            {
                // The figures below then value the position at the last mark the venue reported.
            }
        }
    }

    private static decimal MarkOf(PaperMarket market) =>
        market.MarkOrMid ?? market.Position.AveragePrice ?? throw new InvalidOperationException($"No price is known for {market.Instrument.Symbol}.");

    private VenueBalance Balance(Asset asset)
    {
        var unrealized = 0m;
        var positionMargin = 0m;
        var orderMargin = 0m;
        foreach (var market in _markets.Values.Where(m => m.Instrument.Quote == asset))
        {
            if (market.Position.NetQuantity != 0m)
            {
                var mark = MarkOf(market);
                unrealized += market.Position.UnrealizedPnl(mark);
                positionMargin += market.Position.Amount * mark / _settings.Leverage;
            }

            orderMargin += OrderMargin(market.RestingBuys) + OrderMargin(market.RestingSells);
        }

        return new VenueBalance(asset, Wallet(asset), unrealized, positionMargin, orderMargin);
    }

    private decimal OrderMargin(List<PaperOrder> resting) =>
        resting.Where(o => !o.Request.ReduceOnly).Sum(o => o.Order.UnfilledQuantity * o.Request.Price!.Value / _settings.Leverage);

    private void CheckMargin(OrderRequest request, PaperMarket market)
    {
        if (request.ReduceOnly)
        {
            return;
        }

        var opening = request.Quantity - Math.Min(request.Quantity, BookMatching.ReduceOnlyRoom(request.Side, market.Position.NetQuantity));
        if (opening == 0m)
        {
            return;
        }

        var price = request.Price ?? market.Touch(request.Side == OrderSide.Buy) ?? market.MarkOrMid;
        if (price is not { } p)
        {
            return;
        }

        var required = (opening * p / _settings.Leverage) + (request.Quantity * p * _settings.Fees.TakerRate);
        var available = Balance(market.Instrument.Quote).Available;
        if (required > available)
        {
            throw new InsufficientMarginException(Id, request.ClientOrderId, required, available);
        }
    }
}
