using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Fees;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;

namespace FundingArb.Trading.Funding;

/// Finds the funding pair worth entering for one asset across N venues.
/// Differences from Hummingbot's script: the choice is by net edge after entry and
/// exit fees on both legs over a horizon, not by the raw spread; quotes are validated first;
/// no qualifying pair is a result with a reason, not a None that crashes the caller; and ties
/// go to the first pair in ordinal venue order, whatever order the quotes arrive in.
public static class FundingRateAnalyzer
{
    /// The side to take on the venue of rate a against rate b: long the lower, short the higher; null when equal.
    public static PositionSide? Direction(FundingRate a, FundingRate b) => a.PerDay.CompareTo(b.PerDay) switch
    {
        < 0 => PositionSide.Long,
        > 0 => PositionSide.Short,
        _ => null,
    };

    /// Days of spread needed to pay the fees back; null when the spread earns nothing.
    public static decimal? DaysToBreakEven(decimal spreadPerDay, decimal roundTripFeeRate)
    {
        if (spreadPerDay <= 0m)
        {
            return null;
        }

        return roundTripFeeRate <= 0m ? 0m : roundTripFeeRate / spreadPerDay;
    }

    /// The pair in its profitable direction, or null when both venues pay the same rate per day.
    public static FundingOpportunity? Evaluate(FundingQuote a, FeeSchedule aFees, FundingQuote b, FeeSchedule bFees, FundingSelectionSettings settings)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(settings);
        if (a.Asset != b.Asset)
        {
            throw new ArgumentException($"Cannot pair {a.Asset} with {b.Asset}.", nameof(b));
        }

        var sideOfA = Direction(a.Rate, b.Rate);
        if (sideOfA is null)
        {
            return null;
        }

        var (longQuote, longFees, shortQuote, shortFees) = sideOfA == PositionSide.Long ? (a, aFees, b, bFees) : (b, bFees, a, aFees);
        var roundTrip = FeeCalculator.RoundTripRate(longFees, shortFees, settings.EntryRole, settings.ExitRole);
        return new FundingOpportunity(a.Asset, longQuote.Venue, longQuote.Rate, shortQuote.Venue, shortQuote.Rate, roundTrip, settings.Horizon);
    }

    public static FundingPairSelection SelectBest(
        Asset asset,
        IEnumerable<FundingQuote> quotes,
        FeeTable fees,
        FundingSelectionSettings settings,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(asset.Code, nameof(asset));
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(fees);
        ArgumentNullException.ThrowIfNull(settings);

        var rejections = ImmutableArray.CreateBuilder<FundingRejection>();
        var usable = Usable(asset, quotes, fees, settings, now, rejections);
        var candidates = ImmutableArray.CreateBuilder<FundingOpportunity>();
        FundingOpportunity? best = null;
        for (var i = 0; i < usable.Count; i++)
        {
            for (var j = i + 1; j < usable.Count; j++)
            {
                if (Evaluate(usable[i].Quote, usable[i].Fees, usable[j].Quote, usable[j].Fees, settings) is not { } opportunity)
                {
                    continue;
                }

                candidates.Add(opportunity);
                var qualifies = opportunity.SpreadPerDay >= settings.MinSpreadPerDay && opportunity.NetEdge > settings.MinNetEdge;
                if (qualifies && (best is null || opportunity.NetEdge > best.NetEdge))
                {
                    best = opportunity;
                }
            }
        }

        var ranked = candidates.OrderByDescending(c => c.NetEdge)
            .ThenBy(c => c.LongVenue.Value, StringComparer.Ordinal)
            .ThenBy(c => c.ShortVenue.Value, StringComparer.Ordinal)
            .ToImmutableArray();
        var reason = best is not null ? null : WhyNone(usable.Count, ranked, settings);
        return new FundingPairSelection(asset, best, ranked, rejections.ToImmutable(), reason);
    }

    private static List<(FundingQuote Quote, FeeSchedule Fees)> Usable(
        Asset asset,
        IEnumerable<FundingQuote> quotes,
        FeeTable fees,
        FundingSelectionSettings settings,
        DateTimeOffset now,
        ImmutableArray<FundingRejection>.Builder rejections)
    {
        var usable = new List<(FundingQuote Quote, FeeSchedule Fees)>();
        var venues = new HashSet<VenueId>();
        foreach (var quote in quotes)
        {
            ArgumentNullException.ThrowIfNull(quote, nameof(quotes));
            if (quote.Asset != asset)
            {
                throw new ArgumentException($"A quote for {quote.Asset} from {quote.Venue} in a scan of {asset}.", nameof(quotes));
            }

            if (!venues.Add(quote.Venue))
            {
                throw new ArgumentException($"Two quotes from {quote.Venue}.", nameof(quotes));
            }

            var check = FundingRateValidator.Validate(quote.Venue, quote.Rate.Rate, quote.Rate.Interval, settings.Limits);
            var age = now - quote.ObservedAt;
            if (check.Rejection is { } rejection)
            {
                rejections.Add(rejection);
            }
            else if (age > settings.Limits.MaxAge)
            {
                rejections.Add(new FundingRejection(quote.Venue, FundingRejectionReason.Stale,
                    Format($"observed {age} ago, older than {settings.Limits.MaxAge}")));
            }
            else if (!fees.TryGet(quote.Venue, out var schedule))
            {
                rejections.Add(new FundingRejection(quote.Venue, FundingRejectionReason.NoFeeSchedule, Format($"no fee schedule for {quote.Venue}")));
            }
            else
            {
                usable.Add((quote, schedule));
            }
        }

        usable.Sort((x, y) => string.CompareOrdinal(x.Quote.Venue.Value, y.Quote.Venue.Value));
        return usable;
    }

    private static string WhyNone(int usableCount, ImmutableArray<FundingOpportunity> ranked, FundingSelectionSettings settings)
    {
        if (usableCount < 2)
        {
            return Format($"{usableCount} usable quote(s); a pair needs two");
        }

        if (ranked.IsEmpty)
        {
            return Format($"all {usableCount} venues pay the same rate per day");
        }

        var widest = ranked.Max(c => c.SpreadPerDay);
        return Format($"no pair qualifies: best net edge {ranked[0].NetEdge} over {settings.Horizon} (needs > {settings.MinNetEdge}), widest spread {widest} per day (needs >= {settings.MinSpreadPerDay})");
    }

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
