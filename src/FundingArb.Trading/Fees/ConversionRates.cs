using System.Collections.Immutable;
using FundingArb.Trading.Instruments;

namespace FundingArb.Trading.Fees;

/// Prices of one asset in another (1 BNB = 600 USDT), as observed by the caller at one moment.
/// A pair given one way is also used the other way, by its inverse.
public sealed class ConversionRates
{
    private readonly ImmutableDictionary<(Asset From, Asset To), decimal> _rates;

    private ConversionRates(ImmutableDictionary<(Asset From, Asset To), decimal> rates) => _rates = rates;

    public static ConversionRates Empty { get; } = new(ImmutableDictionary<(Asset From, Asset To), decimal>.Empty);

    public ConversionRates With(Asset from, Asset to, decimal rate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        if (from == to)
        {
            throw new ArgumentException($"A rate from {from} to itself is always 1.", nameof(to));
        }

        return new ConversionRates(_rates.SetItem((from, to), rate));
    }

    public bool TryGetRate(Asset from, Asset to, out decimal rate)
    {
        if (from == to)
        {
            rate = 1m;
            return true;
        }

        if (_rates.TryGetValue((from, to), out rate))
        {
            return true;
        }

        if (_rates.TryGetValue((to, from), out var inverse))
        {
            rate = 1m / inverse;
            return true;
        }

        rate = 0m;
        return false;
    }
}
