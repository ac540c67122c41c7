using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Risk;

/// Pre-trade checks. Each returns pass or a reason with its numbers. A reduce-only order passes every check
/// that guards new exposure (kill switch, daily loss, open pairs, order size and value, position share,
/// margin): those limits exist to stop risk growing, and blocking an exit would make it grow.
public static class PreTradeRisk
{
    public static RiskAssessment Assess(PreTradeRequest request, RiskContext context, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        return new RiskAssessment(ImmutableArray.Create(
            KillSwitch(request, context),
            DailyLoss(request, context, limits),
            OpenPairs(request, context, limits),
            MinSize(request),
            MaxOrderSize(request, limits),
            MaxOrderValue(request, limits),
            PriceReasonability(request, limits),
            PositionShare(request, context, limits),
            Margin(request, context, limits)));
    }

    public static RiskCheckResult KillSwitch(PreTradeRequest request, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var engaged = context.KillSwitchEngaged && !request.ReduceOnly;
        return Result(RiskRule.KillSwitch, context.KillSwitchEngaged ? 1m : 0m, 0m, engaged, $"the kill switch is engaged: only reduce-only orders pass");
    }

    public static RiskCheckResult DailyLoss(PreTradeRequest request, RiskContext context, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var loss = -context.DailyPnl;
        var limit = limits.DailyLossLimit;
        var failed = limit is { } max && loss >= max && !request.ReduceOnly;
        return Result(RiskRule.DailyLossLimit, loss, limit ?? 0m, failed, $"today's loss {loss} has reached the limit {limit}");
    }

    public static RiskCheckResult OpenPairs(PreTradeRequest request, RiskContext context, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var limit = limits.MaxOpenPairs;
        var failed = limit is { } max && request.OpensNewPair && !request.ReduceOnly && context.OpenPairs >= max;
        return Result(RiskRule.MaxOpenPairs, context.OpenPairs, limit ?? 0, failed, $"{context.OpenPairs} pairs are open, the limit is {limit}");
    }

    /// Applies to reduce-only orders too: the venue refuses an order below its minimums either way.
    public static RiskCheckResult MinSize(PreTradeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var rules = request.Rules;
        if (request.Quantity < rules.MinBaseSize)
        {
            return Result(RiskRule.MinSize, request.Quantity, rules.MinBaseSize, true, $"size {request.Quantity} is below the minimum {rules.MinBaseSize}");
        }

        var notional = request.Notional;
        return Result(RiskRule.MinSize, notional, rules.MinNotional, notional < rules.MinNotional,
            $"notional {notional} is below the minimum {rules.MinNotional}");
    }

    public static RiskCheckResult MaxOrderSize(PreTradeRequest request, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var limit = limits.MaxOrderSize;
        var failed = limit is { } max && request.Quantity > max && !request.ReduceOnly;
        return Result(RiskRule.MaxOrderSize, request.Quantity, limit ?? 0m, failed, $"size {request.Quantity} exceeds the maximum {limit}");
    }

    public static RiskCheckResult MaxOrderValue(PreTradeRequest request, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var notional = request.Notional;
        var limit = limits.MaxOrderValue;
        var failed = limit is { } max && notional > max && !request.ReduceOnly;
        return Result(RiskRule.MaxOrderValue, notional, limit ?? 0m, failed, $"notional {notional} exceeds the maximum {limit}");
    }

    /// A price far from mark is a fat finger or a stale book; it applies to exits too.
    public static RiskCheckResult PriceReasonability(PreTradeRequest request, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(limits);
        var deviation = Math.Abs(request.Price - request.MarkPrice) / request.MarkPrice;
        var limit = limits.MaxPriceDeviation;
        var failed = limit is { } max && deviation > max;
        return Result(RiskRule.PriceReasonability, deviation, limit ?? 0m, failed,
            $"price {request.Price} is {deviation} away from mark {request.MarkPrice}, beyond {limit}");
    }

    /// Measures the position after the order at mark against equity; an order that shrinks the position passes.
    public static RiskCheckResult PositionShare(PreTradeRequest request, RiskContext context, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var after = Math.Abs(context.PositionQuantity + request.Side.Sign() * request.Quantity);
        var shrinks = after <= Math.Abs(context.PositionQuantity);
        var value = after * request.MarkPrice;
        var limit = limits.MaxPositionShareOfEquity;
        if (limit is null || shrinks || request.ReduceOnly)
        {
            return new RiskCheckResult(RiskRule.MaxPositionShare, value, limit ?? 0m, null);
        }

        if (context.Equity <= 0m)
        {
            return Result(RiskRule.MaxPositionShare, value, 0m, true, $"equity {context.Equity} leaves no room for a position of {value}");
        }

        var share = value / context.Equity;
        return Result(RiskRule.MaxPositionShare, share, limit.Value, share > limit.Value,
            $"a position of {value} would be {share} of equity {context.Equity}, beyond {limit}");
    }

    /// Required margin is notional / leverage plus the estimated fee, raised by the buffer.
    public static RiskCheckResult Margin(PreTradeRequest request, RiskContext context, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(limits);
        var required = (request.Notional / request.Leverage + request.EstimatedFee) * (1m + limits.MarginBuffer);
        var failed = !request.ReduceOnly && context.AvailableMargin < required;
        return Result(RiskRule.MarginSufficiency, context.AvailableMargin, required, failed,
            $"available margin {context.AvailableMargin} is below the {required} required at {request.Leverage}x");
    }

    private static RiskCheckResult Result(RiskRule rule, decimal actual, decimal limit, bool failed, FormattableString reason) =>
        new(rule, actual, limit, failed ? reason.ToString(CultureInfo.InvariantCulture) : null);
}
