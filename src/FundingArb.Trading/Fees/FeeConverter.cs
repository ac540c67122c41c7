using FundingArb.Trading.Instruments;
using FundingArb.Trading.Orders;

namespace FundingArb.Trading.Fees;

/// Values a fill's fee in the instrument's quote asset: a quote fee as is, a base fee at the fill price
/// (as Hummingbot does), any other asset through a caller-supplied rate.
public static class FeeConverter
{
    public static bool TryToQuote(Fill fill, Instrument instrument, ConversionRates rates, out Money feeInQuote)
    {
        ArgumentNullException.ThrowIfNull(fill);
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(rates);
        var fee = fill.Fee;
        if (fee.Asset == instrument.Quote)
        {
            feeInQuote = fee;
            return true;
        }

        if (fee.Asset == instrument.Base)
        {
            feeInQuote = new Money(fee.Amount * fill.Price, instrument.Quote);
            return true;
        }

        if (rates.TryGetRate(fee.Asset, instrument.Quote, out var rate))
        {
            feeInQuote = new Money(fee.Amount * rate, instrument.Quote);
            return true;
        }

        feeInQuote = Money.Zero(instrument.Quote);
        return false;
    }

    public static Money ToQuote(Fill fill, Instrument instrument, ConversionRates rates) =>
        TryToQuote(fill, instrument, rates, out var feeInQuote)
            ? feeInQuote
            : throw new ArgumentException($"No rate from {fill.Fee.Asset} to {instrument.Quote} for the fee of trade {fill.TradeId}.", nameof(rates));
}
