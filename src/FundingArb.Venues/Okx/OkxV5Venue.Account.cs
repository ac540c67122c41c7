using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;

namespace FundingArb.Venues.Okx;

// Funding payments are account bills of type 8 (subType 173 expense, 174 income) with balChg signed. A bill carries no
// rate, so the rate is taken from the public funding-rate history at the bill's time (OKX settles every position of a
// contract at the same instant): the 100 settlements up to the newest bill. One call reads up to 100 bills; a reader asks
// again from the last payment's time for more. A bill older than the settlements read fails loudly rather than guessing.

public sealed partial class OkxV5Venue
{
    private const int HistoryPage = 100;

    public async ValueTask<ImmutableArray<Trading.Positions.PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetSignedAsync("/api/v5/account/positions", "instType=SWAP", null, cancellationToken).ConfigureAwait(false);
        var positions = ImmutableArray.CreateBuilder<Trading.Positions.PositionSummary>();
        foreach (var item in answer.Data.EnumerateArray())
        {
            var instrument = await InstrumentAsync(new Symbol(OkxJson.Text(item, "instId")), cancellationToken).ConfigureAwait(false);
            var position = OkxMarketReader.Position(Id, instrument, item);
            if (position.Amount != 0m)
            {
                positions.Add(position);
            }
        }

        return positions.ToImmutable();
    }

    public async ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetSignedAsync("/api/v5/account/balance", string.Empty, null, cancellationToken).ConfigureAwait(false);
        return [.. answer.Data.EnumerateArray().SelectMany(account => account.GetProperty("details").EnumerateArray()).Select(OkxMarketReader.Balance)];
    }

    public async ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var instrument = await InstrumentAsync(symbol, cancellationToken).ConfigureAwait(false);
        var limit = HistoryPage.ToString(CultureInfo.InvariantCulture);
        var bills = await _rest.GetSignedAsync("/api/v5/account/bills", OkxRestClient.Query(("instType", "SWAP"), ("instId", symbol.Value), ("type", "8"),
            ("begin", since.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)), ("limit", limit)), null, cancellationToken).ConfigureAwait(false);
        if (bills.Data.GetArrayLength() == 0)
        {
            return [];
        }

        var newest = bills.Data.EnumerateArray().Max(b => OkxJson.Millis(b, "ts"));
        var after = (newest.ToUnixTimeMilliseconds() + 1).ToString(CultureInfo.InvariantCulture);
        var rates = await _rest.GetPublicAsync("/api/v5/public/funding-rate-history",
            OkxRestClient.Query(("instId", symbol.Value), ("after", after), ("limit", limit)), cancellationToken).ConfigureAwait(false);
        var rateAt = rates.Data.EnumerateArray().ToDictionary(r => OkxJson.Millis(r, "fundingTime"), r => OkxJson.Decimal(r, "fundingRate"));
        return [.. bills.Data.EnumerateArray()
            .Select(b => OkxMarketReader.Funding(Id, instrument, b, RateAt(rateAt, b)))
            .Where(p => p.At >= since)
            .OrderBy(p => p.At)];
    }

    private static decimal RateAt(Dictionary<DateTimeOffset, decimal> rates, System.Text.Json.JsonElement bill)
    {
        var at = OkxJson.Millis(bill, "ts");
        return rates.TryGetValue(at, out var rate)
            ? rate
            : throw new FormatException($"OKX's funding-rate history has no settlement at {at:O} for the funding bill {OkxJson.Text(bill, "billId")}.");
    }
}
