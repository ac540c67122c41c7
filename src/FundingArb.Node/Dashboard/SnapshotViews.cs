using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Node.Api;
using FundingArb.Node.Hosting;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using FundingArb.Venues.Errors;
using FundingArb.Venues.Simulation;

namespace FundingArb.Node.Dashboard;

/// The views the dashboard and the API share, built from the actors' reports and the venues.
public static class SnapshotViews
{
    public static OpportunityView OpportunityOf(FundingOpportunity o, decimal horizonDays)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OpportunityView(o.Asset.Code, o.LongVenue.Value, o.ShortVenue.Value, horizonDays == 0m ? o.SpreadPerDay : o.NetEdge / horizonDays,
            o.SpreadPerDay, o.AnnualizedSpread);
    }

    /// answering: the address of the node that answers, for a pair no host has reported from yet (it runs nowhere).
    public static PairView PairOf(PairReport r, string answering) => new(
        r.Spec.ExecutorId, r.Spec.Asset, r.Spec.LongVenue, r.Spec.LongSymbol, r.Spec.ShortVenue, r.Spec.ShortSymbol, r.Phase.ToString(), ApiNames.Of(r.Status),
        r.CloseType is { } closeType ? ApiNames.Of(closeType) : null, r.CloseReason, r.OpenedAt, r.ClosedAt, r.Spec.SizeQuote, r.LongQuantity, r.ShortQuantity,
        r.ClientOrderIds.Length, r.FundingQuote, r.FeesQuote, r.TradePnlQuote, r.NetPnlQuote,
        r.Halt is { } halt ? new HaltView(ApiNames.Of(halt.Kind), halt.Reason) : null, r.Node ?? answering);

    /// A connector venue that cannot be reached shows as not connected with the markets it answered for (a simulated
    /// venue's own state stands in for an answer it refuses).
    public static async Task<VenueView> VenueAsync(NodeRuntime node, IVenue venue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(venue);
        ImmutableArray<Instrument> instruments;
        try
        {
            instruments = await node.InstrumentsOfAsync(venue, cancellationToken).ConfigureAwait(false);
        }
        catch (VenueException)
        {
            return new VenueView(venue.Id.Value, node.ModeOf(venue.Id), false, []);
        }

        var connected = true;
        var markets = ImmutableArray.CreateBuilder<MarketView>();
        foreach (var instrument in instruments)
        {
            FundingInfo funding;
            try
            {
                funding = await venue.GetFundingAsync(instrument.Symbol, cancellationToken).ConfigureAwait(false);
            }
            catch (VenueException)
            {
                connected = false;
                if (venue is not SimulatedVenue simulated)
                {
                    continue;
                }

                funding = simulated.Funding(instrument.Symbol);
            }

            // A connector's mid would cost a book request per market; its mark is what the venue values positions at.
            var mid = venue is SimulatedVenue local ? local.Mid(instrument.Symbol) : funding.MarkPrice;
            markets.Add(new MarketView(instrument.Symbol.Value, instrument.Base.Code, instrument.Quote.Code, mid, funding.Rate.Rate,
                funding.Rate.PerDay, funding.Interval.TotalHours, funding.NextFundingTime));
        }

        return new VenueView(venue.Id.Value, node.ModeOf(venue.Id), connected, markets.ToImmutable());
    }

    /// A simulated venue's positions at its mid; a connector venue's as the venue values them (none while it cannot be
    /// reached: its venue view says it is not connected).
    public static async Task<ImmutableArray<PositionView>> PositionsAsync(NodeRuntime node, IVenue venue, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(venue);
        try
        {
            var instruments = (await node.InstrumentsOfAsync(venue, cancellationToken).ConfigureAwait(false)).ToDictionary(i => i.Symbol);
            return venue is SimulatedVenue simulated
                ? SimulatedPositions(simulated, instruments)
                : [.. (await venue.GetPositionsAsync(cancellationToken).ConfigureAwait(false)).Where(p => p.Amount != 0m).Select(p =>
                {
                    var net = p.Side == PositionSide.Short ? -p.Amount : p.Amount;
                    var asset = instruments.TryGetValue(p.Key.Symbol, out var instrument) ? instrument.Base.Code : p.Key.Symbol.Value;
                    return new PositionView(venue.Id.Value, p.Key.Symbol.Value, asset, net, net * p.MarkPrice, p.UnrealizedPnl, p.FundingPnl);
                })];
        }
        catch (VenueException) when (venue is not SimulatedVenue)
        {
            return [];
        }
    }

    private static ImmutableArray<PositionView> SimulatedPositions(SimulatedVenue venue, Dictionary<Symbol, Instrument> instruments) =>
        [.. venue.Positions.Where(p => p.NetQuantity != 0m).Select(p =>
        {
            var symbol = p.Key.Symbol;
            var mid = venue.Mid(symbol);
            return new PositionView(venue.Id.Value, symbol.Value, instruments[symbol].Base.Code, p.NetQuantity, p.NetQuantity * mid,
                p.UnrealizedPnl(mid), p.FundingPnl);
        })];
}
