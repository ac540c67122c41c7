using System.Collections.Immutable;
using FundingArb.Actors.Orders;
using FundingArb.Actors.Pairs;
using FundingArb.Trading.Orders;

namespace FundingArb.Actors.Tracking;

// A projection: it only folds executor events as the journal delivers them (in order per executor), so it can be
// rebuilt from the journal at any time and never disagrees with what the executors recorded. The expected price of
// an order is its limit price, or for an entry leg at market the price the entry was decided on.

/// Execution quality (fill rate, slippage against the expected price, time to fill, by execution mode) from executor events.
public sealed class ExecutionTracker
{
    private readonly Dictionary<string, TrackedIntent> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PairEntryStarted> _entries = new(StringComparer.Ordinal);

    public int Events { get; private set; }

    /// Folds one event of the executor with the given persistence id; other events are ignored.
    public void Apply(string executorId, object journalEvent)
    {
        ArgumentNullException.ThrowIfNull(executorId);
        switch (journalEvent)
        {
            case PairEntryStarted entry:
                _entries[executorId] = entry;
                break;
            case PairOrderIntended intent when !_orders.ContainsKey(intent.ClientOrderId):
                _orders[intent.ClientOrderId] = new TrackedIntent(intent, ExpectedPrice(executorId, intent));
                break;
            case PairLegFilled fill when _orders.TryGetValue(fill.ClientOrderId, out var order):
                order.Fill(fill);
                break;
            default:
                return;
        }

        Events++;
    }

    public ExecutionStatistics Statistics()
    {
        if (_orders.Count == 0)
        {
            return ExecutionStatistics.Empty;
        }

        var all = Summarise("all", _orders.Values);
        var byMode = _orders.Values
            .GroupBy(o => ModeOf(o.Intent), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Summarise(g.Key, g))
            .ToImmutableArray();
        return new ExecutionStatistics(all.Orders, all.FilledOrders, all.FillRate, all.AverageSlippageBps, all.MedianTimeToFillMs, byMode);
    }

    /// The execution mode as configured (`market-only`, …); an intent written before modes were recorded counts under
    /// its order type.
    private static string ModeOf(PairOrderIntended intent) => intent.Mode switch
    {
        ExecutionMode.MarketOnly => "market-only",
        ExecutionMode.LimitOnly => "limit-only",
        ExecutionMode.LimitWithFallback => "limit-with-fallback",
        ExecutionMode.Adaptive => "adaptive",
        ExecutionMode.LimitChaser => "limit-chaser",
        _ => intent.Type.ToString(),
    };

    private decimal? ExpectedPrice(string executorId, PairOrderIntended intent)
    {
        if (intent.Price is { } limit)
        {
            return limit;
        }

        if (!intent.Leg.StartsWith("entry", StringComparison.Ordinal) || !_entries.TryGetValue(executorId, out var entry))
        {
            return null;
        }

        return intent.Leg.EndsWith("long", StringComparison.Ordinal) ? entry.LongPrice : entry.ShortPrice;
    }

    private static ModeStatistics Summarise(string mode, IEnumerable<TrackedIntent> orders)
    {
        var list = orders.ToList();
        var requested = list.Sum(o => o.Intent.Quantity);
        var filled = list.Sum(o => o.Filled);
        var slippages = list.Select(o => o.SlippageBps).OfType<decimal>().ToList();
        var times = list.Select(o => o.TimeToFill).OfType<TimeSpan>().Select(t => t.TotalMilliseconds).Order().ToList();
        return new ModeStatistics(
            mode,
            list.Count,
            list.Count(o => o.Filled > 0m),
            requested == 0m ? 0m : Math.Round(filled / requested, 6),
            slippages.Count == 0 ? null : Math.Round(slippages.Average(), 4),
            times.Count == 0 ? null : times.Count % 2 == 1 ? times[times.Count / 2] : (times[(times.Count / 2) - 1] + times[times.Count / 2]) / 2);
    }

    private sealed class TrackedIntent(PairOrderIntended intent, decimal? expectedPrice)
    {
        private decimal _filledQuote;

        public PairOrderIntended Intent { get; } = intent;

        public decimal Filled { get; private set; }

        public TimeSpan? TimeToFill { get; private set; }

        public decimal? SlippageBps
        {
            get
            {
                if (expectedPrice is not { } expected || expected == 0m || Filled == 0m)
                {
                    return null;
                }

                var average = _filledQuote / Filled;
                var adverse = Intent.Side == OrderSide.Buy ? average - expected : expected - average;
                return adverse / expected * 10_000m;
            }
        }

        public void Fill(PairLegFilled fill)
        {
            Filled += fill.Quantity;
            _filledQuote += fill.Quantity * fill.Price;
            if (Filled >= Intent.Quantity)
            {
                TimeToFill ??= fill.At - Intent.At;
            }
        }
    }
}
