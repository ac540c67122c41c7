using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Binance;

// Binance's income row gives a funding payment's amount and time, its fundingRate history the rate and mark of that
// instant: the payment is the two joined on the time (the position's size follows from amount = size × mark × rate).
// One page of each (1000 rows) is read: more than a thousand settlements since Since are not expected of a reader
// that reconciles after a disconnect.

public sealed partial class BinanceUsdmVenue
{
    private const int MaxHistoryLimit = 1000;

    public async ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v2/positionRisk", [], BinanceAuth.Signed, 5), cancellationToken).ConfigureAwait(false);
        return [.. answer.EnumerateArray().Select(p => BinanceOrderParser.Position(Id, p)).OfType<PositionSummary>()];
    }

    public async ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v2/balance", [], BinanceAuth.Signed, 5), cancellationToken).ConfigureAwait(false);
        return [.. answer.EnumerateArray().Select(BinanceOrderParser.Balance)];
    }

    public async ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var start = since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        var limit = MaxHistoryLimit.ToString(CultureInfo.InvariantCulture);
        var income = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/income",
            [Parameter("symbol", symbol.Value), Parameter("incomeType", "FUNDING_FEE"), Parameter("startTime", start), Parameter("limit", limit)],
            BinanceAuth.Signed, 30), cancellationToken).ConfigureAwait(false);
        if (income.GetArrayLength() == 0)
        {
            return [];
        }

        var settled = await SettledRatesAsync(symbol, start, null, cancellationToken).ConfigureAwait(false);
        var payments = ImmutableArray.CreateBuilder<FundingPayment>();
        foreach (var row in income.EnumerateArray().OrderBy(r => BinanceJson.Long(r, "time")))
        {
            var at = BinanceJson.Time(row, "time");
            if (settled.TryGetValue(at, out var rate))
            {
                payments.Add(BinanceUserEventParser.Payment(Id, instrument, 0m, BinanceJson.Decimal(row, "income"), rate.Rate, rate.MarkPrice, at));
            }
        }

        return payments.ToImmutable();
    }

    /// The settled rate and mark of each settlement from startTime (to endTime, both inclusive), by settlement time.
    internal async Task<Dictionary<DateTimeOffset, (decimal Rate, decimal MarkPrice)>> SettledRatesAsync(Symbol symbol, string startTime, string? endTime,
        CancellationToken cancellationToken)
    {
        List<KeyValuePair<string, string>> parameters =
            [Parameter("symbol", symbol.Value), Parameter("startTime", startTime), Parameter("limit", MaxHistoryLimit.ToString(CultureInfo.InvariantCulture))];
        if (endTime is not null)
        {
            parameters.Add(Parameter("endTime", endTime));
        }

        var answer = await SendAsync(new BinanceCall(HttpMethod.Get, "/fapi/v1/fundingRate", parameters, BinanceAuth.None, 1), cancellationToken)
            .ConfigureAwait(false);
        var rates = new Dictionary<DateTimeOffset, (decimal, decimal)>();
        foreach (var row in answer.EnumerateArray())
        {
            if (BinanceJson.OptionalDecimal(row, "markPrice") is { } mark)
            {
                rates[BinanceJson.Time(row, "fundingTime")] = (BinanceJson.Decimal(row, "fundingRate"), mark);
            }
        }

        return rates;
    }
}
