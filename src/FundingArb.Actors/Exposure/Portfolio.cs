using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Executors;

namespace FundingArb.Actors.Exposure;

/// What the node's pairs hold of one asset on one venue's market (signed base: negative is short).
public sealed record VenueHolding(string Venue, string Symbol, decimal Quantity);

/// One asset across every venue: what the pairs hold long and short, and the net (near zero while hedged).
public sealed record AssetExposure(string Asset, decimal LongQuantity, decimal ShortQuantity, ImmutableArray<VenueHolding> Venues)
{
    public decimal NetQuantity => LongQuantity + ShortQuantity;
}

/// Net exposure per asset across venues, from the executors' latest reports: every pair not yet closed, and pairs
/// closed keeping their position (POSITION_HOLD), whose legs the node still holds.
public static class Portfolio
{
    public static ImmutableArray<AssetExposure> Of(IEnumerable<PairReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var holdings = new SortedDictionary<(string Asset, string Venue, string Symbol), decimal>();
        foreach (var report in reports.Where(r => r.Phase != PairPhase.Closed || r.CloseType == CloseType.PositionHold))
        {
            var spec = report.Spec;
            Add(holdings, (spec.Asset, spec.LongVenue, spec.LongSymbol), report.LongQuantity);
            Add(holdings, (spec.Asset, spec.ShortVenue, spec.ShortSymbol), report.ShortQuantity);
        }

        return [.. holdings
            .GroupBy(h => h.Key.Asset, StringComparer.Ordinal)
            .Select(g => new AssetExposure(
                g.Key,
                g.Where(h => h.Value > 0m).Sum(h => h.Value),
                g.Where(h => h.Value < 0m).Sum(h => h.Value),
                [.. g.Where(h => h.Value != 0m).Select(h => new VenueHolding(h.Key.Venue, h.Key.Symbol, h.Value))]))];
    }

    private static void Add(SortedDictionary<(string, string, string), decimal> holdings, (string, string, string) key, decimal quantity) =>
        holdings[key] = holdings.GetValueOrDefault(key) + quantity;
}
