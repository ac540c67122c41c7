using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Economics;

// The oracle is what one hedged pair per asset could have earned from funding alone, knowing every settled rate in
// advance, entered once and held to the end of the data; it is never below zero, because holding nothing is allowed.
//
// A venue's rate at instant t is the rate of its first settlement at or after t: the rate the position held at t gets
// paid. An ordered pair (long venue, short venue) enters just before the first settlement, of either venue, at which the
// short venue's rate per hour is above the long venue's, and from that instant on earns every settlement of both:
// size × rate received on the short leg, size × rate paid on the long one (a negative rate turns both round). The
// notional stays at the size (no price path: the oracle measures funding, not basis). It pays one taker round trip,
// entry and exit on both legs, at the size. After a venue's last settlement its rate is not known, so no entry there.

/// The hindsight oracle of a run (docs/trading.md, "Economics"): per asset, the best pair's value, summed over assets. A
/// pair's legs are two markets of the asset on two different venues.
public static class HindsightOracle
{
    /// sizeQuoteOf gives the notional per leg held for an asset; feesOf each venue's fee schedule (its taker rate counts).
    public static decimal Value(IEnumerable<FundingSettlement> settlements, Func<Asset, decimal> sizeQuoteOf, Func<VenueId, FeeSchedule> feesOf)
    {
        ArgumentNullException.ThrowIfNull(settlements);
        ArgumentNullException.ThrowIfNull(sizeQuoteOf);
        ArgumentNullException.ThrowIfNull(feesOf);
        var total = 0m;
        foreach (var asset in settlements.GroupBy(s => s.Asset).OrderBy(g => g.Key.Code, StringComparer.Ordinal))
        {
            var markets = asset.GroupBy(s => (s.Venue, s.Symbol))
                .OrderBy(g => g.Key.Venue.Value, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Symbol.Value, StringComparer.Ordinal)
                .Select(g => (g.Key.Venue, Settlements: g.OrderBy(s => s.At).ToArray()))
                .ToArray();
            var size = sizeQuoteOf(asset.Key);
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(sizeQuoteOf));
            var best = 0m;
            foreach (var (longVenue, longSettlements) in markets)
            {
                foreach (var (shortVenue, shortSettlements) in markets)
                {
                    if (longVenue == shortVenue || EntryAt(longSettlements, shortSettlements) is not { } entry)
                    {
                        continue;
                    }

                    var fees = FeeCalculator.PairCosts(size, feesOf(longVenue), size, feesOf(shortVenue), LiquidityRole.Taker, LiquidityRole.Taker).Total;
                    var funding = size * (RatesFrom(shortSettlements, entry) - RatesFrom(longSettlements, entry));
                    best = Math.Max(best, funding - fees);
                }
            }

            total += best;
        }

        return total;
    }

    /// The first settlement instant of either venue at which the short venue's rate per hour is above the long venue's.
    private static DateTimeOffset? EntryAt(FundingSettlement[] longVenue, FundingSettlement[] shortVenue)
    {
        var (nextLong, nextShort) = (0, 0);
        foreach (var at in longVenue.Concat(shortVenue).Select(s => s.At).Distinct().Order())
        {
            while (nextLong < longVenue.Length && longVenue[nextLong].At < at)
            {
                nextLong++;
            }

            while (nextShort < shortVenue.Length && shortVenue[nextShort].At < at)
            {
                nextShort++;
            }

            if (nextLong == longVenue.Length || nextShort == shortVenue.Length)
            {
                return null;
            }

            if (shortVenue[nextShort].Rate.PerHour > longVenue[nextLong].Rate.PerHour)
            {
                return at;
            }
        }

        return null;
    }

    private static decimal RatesFrom(FundingSettlement[] settlements, DateTimeOffset from) => settlements.Where(s => s.At >= from).Sum(s => s.Rate.Rate);
}
