using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Node.Api;
using FundingArb.Trading.Funding;
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

    public static PairView PairOf(PairReport r) => new(
        r.Spec.ExecutorId, r.Spec.Asset, r.Spec.LongVenue, r.Spec.LongSymbol, r.Spec.ShortVenue, r.Spec.ShortSymbol, r.Phase.ToString(), ApiNames.Of(r.Status),
        r.CloseType is { } closeType ? ApiNames.Of(closeType) : null, r.CloseReason, r.OpenedAt, r.ClosedAt, r.Spec.SizeQuote, r.LongQuantity, r.ShortQuantity,
        r.ClientOrderIds.Length, r.FundingQuote, r.FeesQuote, r.TradePnlQuote, r.NetPnlQuote,
        r.Halt is { } halt ? new HaltView(ApiNames.Of(halt.Kind), halt.Reason) : null);

    public static async Task<VenueView> VenueAsync(SimulatedVenue venue, CancellationToken cancellationToken)
    {
        var instruments = await venue.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false);
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
                funding = venue.Funding(instrument.Symbol);
            }

            markets.Add(new MarketView(instrument.Symbol.Value, instrument.Base.Code, instrument.Quote.Code, venue.Mid(instrument.Symbol), funding.Rate.Rate,
                funding.Rate.PerDay, funding.Interval.TotalHours, funding.NextFundingTime));
        }

        return new VenueView(venue.Id.Value, connected, markets.ToImmutable());
    }

    public static async Task<ImmutableArray<PositionView>> PositionsAsync(SimulatedVenue venue, CancellationToken cancellationToken)
    {
        var instruments = (await venue.GetInstrumentsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(i => i.Symbol);
        return [.. venue.Positions.Where(p => p.NetQuantity != 0m).Select(p =>
        {
            var symbol = p.Key.Symbol;
            var mid = venue.Mid(symbol);
            return new PositionView(venue.Id.Value, symbol.Value, instruments[symbol].Base.Code, p.NetQuantity, p.NetQuantity * mid,
                p.UnrealizedPnl(mid), p.FundingPnl);
        })];
    }
}
