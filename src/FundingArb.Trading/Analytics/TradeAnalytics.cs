namespace FundingArb.Trading.Analytics;

/// Performance statistics. Money stays decimal; only the return statistics (Sharpe, Sortino) use double,
/// and nothing here feeds an order.
public static class TradeAnalytics
{
    private const double DaysPerYear = 365d;

    public static TradeStatistics Trades(IEnumerable<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        int count = 0, wins = 0, losses = 0;
        decimal grossProfit = 0m, grossLoss = 0m, funding = 0m, fees = 0m;
        foreach (var trade in trades)
        {
            ArgumentNullException.ThrowIfNull(trade, nameof(trades));
            count++;
            funding += trade.FundingPnl;
            fees += trade.Fees;
            if (trade.NetPnl > 0m)
            {
                wins++;
                grossProfit += trade.NetPnl;
            }
            else if (trade.NetPnl < 0m)
            {
                losses++;
                grossLoss += trade.NetPnl;
            }
        }

        return new TradeStatistics(
            count,
            wins,
            losses,
            count == 0 ? 0m : (decimal)wins / count,
            grossProfit,
            grossLoss,
            grossProfit + grossLoss,
            losses == 0 ? null : grossProfit / -grossLoss,
            wins == 0 ? 0m : grossProfit / wins,
            losses == 0 ? 0m : grossLoss / losses,
            funding,
            fees,
            fees == 0m ? null : funding / fees);
    }

    /// The curve must be in time order, evenly spaced by period, with positive equity: returns over uneven
    /// gaps would be annualised with the wrong factor.
    public static EquityStatistics Equity(IReadOnlyList<EquityPoint> curve, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(curve);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        for (var i = 0; i < curve.Count; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(curve[i].Equity, nameof(curve));
            if (i > 0 && curve[i].At - curve[i - 1].At != period)
            {
                throw new ArgumentException($"Points {i - 1} and {i} are {curve[i].At - curve[i - 1].At} apart, not {period}.", nameof(curve));
            }
        }

        var periodsPerYear = TimeSpan.FromDays(DaysPerYear) / period;
        var returns = new double[Math.Max(0, curve.Count - 1)];
        for (var i = 1; i < curve.Count; i++)
        {
            returns[i - 1] = (double)(curve[i].Equity / curve[i - 1].Equity - 1m);
        }

        var (sharpe, sortino) = Ratios(returns, Math.Sqrt(periodsPerYear));
        var drawdown = MaxDrawdown(curve);
        return new EquityStatistics(period, periodsPerYear, returns.Length, sharpe, sortino,
            drawdown.Value, drawdown.Fraction, drawdown.Duration, drawdown.Recovered);
    }

    private static (double? Sharpe, double? Sortino) Ratios(double[] returns, double annualisation)
    {
        if (returns.Length < 2)
        {
            return (null, null);
        }

        var mean = returns.Average();
        var variance = returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1);
        var downside = Math.Sqrt(returns.Sum(r => r < 0d ? r * r : 0d) / returns.Length);
        double? sharpe = variance > 0d ? mean / Math.Sqrt(variance) * annualisation : null;
        double? sortino = downside > 0d ? mean / downside * annualisation : null;
        return (sharpe, sortino);
    }

    private static (decimal Value, decimal Fraction, TimeSpan Duration, bool Recovered) MaxDrawdown(IReadOnlyList<EquityPoint> curve)
    {
        if (curve.Count == 0)
        {
            return (0m, 0m, TimeSpan.Zero, true);
        }

        var peak = curve[0];
        (decimal Value, decimal Fraction, EquityPoint Peak, DateTimeOffset TroughAt) worst = (0m, 0m, peak, peak.At);
        foreach (var point in curve)
        {
            if (point.Equity > peak.Equity)
            {
                peak = point;
            }

            var fall = peak.Equity - point.Equity;
            if (fall > worst.Value)
            {
                worst = (fall, fall / peak.Equity, peak, point.At);
            }
        }

        if (worst.Value == 0m)
        {
            return (0m, 0m, TimeSpan.Zero, true);
        }

        foreach (var point in curve)
        {
            if (point.At > worst.TroughAt && point.Equity >= worst.Peak.Equity)
            {
                return (worst.Value, worst.Fraction, point.At - worst.Peak.At, true);
            }
        }

        return (worst.Value, worst.Fraction, curve[^1].At - worst.Peak.At, false);
    }
}
