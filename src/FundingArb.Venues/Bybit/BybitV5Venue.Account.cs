using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Instruments;
using FundingArb.Trading.Positions;

namespace FundingArb.Venues.Bybit;

// Funding history is read from /v5/execution/list with execType=Funding (execFee > 0 = paid), the same rows the
// execution topic streams, rather than the transaction log's SETTLEMENT rows (funding > 0 = received): one reader for
// both. Bybit answers at most 7 days per query and 100 rows per page, so the history is read week by week, page by page.

public sealed partial class BybitV5Venue
{
    private static readonly TimeSpan s_executionWindow = TimeSpan.FromDays(7);

    public async ValueTask<ImmutableArray<PositionSummary>> GetPositionsAsync(CancellationToken cancellationToken)
    {
        var positions = ImmutableArray.CreateBuilder<PositionSummary>();
        foreach (var settleCoin in await SettleCoinsAsync(cancellationToken).ConfigureAwait(false))
        {
            var rows = await ListAsync("/v5/position/list", $"category=linear&settleCoin={Uri.EscapeDataString(settleCoin.Code)}", cancellationToken)
                .ConfigureAwait(false);
            positions.AddRange(rows.Select(p => BybitMarketReader.Position(Id, p)).Where(p => p.Amount != 0m));
        }

        return positions.ToImmutable();
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
        await _rest.EnsureSynchronisedAsync(cancellationToken).ConfigureAwait(false);
        var payments = new List<FundingPayment>();
        var now = _rest.Clock.Now;
        for (var start = since; start <= now; start += s_executionWindow)
        {
            var end = start + s_executionWindow - TimeSpan.FromMilliseconds(1);
            var query = string.Create(CultureInfo.InvariantCulture,
                $"category=linear&symbol={Escape(symbol)}&execType=Funding&startTime={start.ToUnixTimeMilliseconds()}&endTime={end.ToUnixTimeMilliseconds()}&limit={ExecutionPage}");
            var rows = await ListAsync("/v5/execution/list", query, cancellationToken).ConfigureAwait(false);
            payments.AddRange(rows.Where(BybitOrderReader.IsFunding).Select(e => BybitOrderReader.Funding(Id, e)));
        }

        return [.. payments.Where(p => p.At >= since).DistinctBy(p => p.At).OrderBy(p => p.At)];
    }
}
