using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Bybit;

// Funding history is read from /v5/execution/list with execType=Funding (execFee > 0 = paid), the same rows the
// execution topic streams, rather than the transaction log's SETTLEMENT rows (funding > 0 = received): one reader for
// both. Bybit limits one call to 7 days and 100 rows; a reader asks again from the last row's time for more.

public sealed partial class BybitV5Venue
{
    public async ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetSignedAsync("/v5/position/list", "category=linear", null, cancellationToken).ConfigureAwait(false);
        return [.. answer.Result.GetProperty("list").EnumerateArray().Select(p => BybitMarketReader.Position(Id, p)).Where(p => p.Amount != 0m)];
    }

    public async ValueTask<ImmutableArray<VenueBalance>> GetBalancesAsync(CancellationToken cancellationToken)
    {
        var answer = await _rest.GetSignedAsync("/v5/account/wallet-balance", "accountType=UNIFIED", null, cancellationToken).ConfigureAwait(false);
        return [.. answer.Result.GetProperty("list").EnumerateArray()
            .SelectMany(account => account.GetProperty("coin").EnumerateArray())
            .Select(BybitMarketReader.Balance)];
    }

    public async ValueTask<ImmutableArray<FundingPayment>> GetFundingHistoryAsync(Symbol symbol, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"category=linear&symbol={Escape(symbol)}&execType=Funding&startTime={since.ToUnixTimeMilliseconds()}&limit={ExecutionPage}");
        var answer = await _rest.GetSignedAsync("/v5/execution/list", query, null, cancellationToken).ConfigureAwait(false);
        return [.. answer.Result.GetProperty("list").EnumerateArray()
            .Where(BybitOrderReader.IsFunding)
            .Select(e => BybitOrderReader.Funding(Id, e))
            .Where(p => p.At >= since)
            .OrderBy(p => p.At)];
    }
}
