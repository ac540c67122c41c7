using System.Text.Json.Nodes;
using FundingArb.Trading.Funding;
using FundingArb.Trading.Positions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Okx;

// One-way (net) mode: pos is signed, in contracts. OKX splits a position's result into pnl (trading), fee (negative
// when charged) and fundingFee, and realizedPnl is their sum, so the split survives the trip. Funding payments are
// bills of type 8, subType 173 (expense) or 174 (income), with balChg signed; a bill carries no rate, which the
// public funding-rate history gives for its fundingTime.

/// The signed account endpoints: positions, the trading account's balance and the funding bills.
internal sealed class OkxAccountEndpoints(ServedVenue served, OkxInstrumentIds ids)
{
    private const int BillsMaximum = 100;
    private const string FundingBillType = "8";

    public void Map(IEndpointRouteBuilder routes, OkxRequestGuard guard)
    {
        routes.MapGet("/api/v5/account/positions", c => guard.SignedAsync(c, PositionsAsync));
        routes.MapGet("/api/v5/account/balance", c => guard.SignedAsync(c, BalanceAsync));
        routes.MapGet("/api/v5/account/bills", c => guard.SignedAsync(c, BillsAsync));
    }

    public static JsonObject Balance(IEnumerable<Venues.VenueBalance> balances, DateTimeOffset at)
    {
        var details = new JsonArray();
        var total = 0m;
        foreach (var balance in balances)
        {
            total += balance.Equity;
            details.Add(new JsonObject
            {
                ["ccy"] = balance.Asset.Code,
                ["eq"] = OkxWire.Decimal(balance.Equity),
                ["cashBal"] = OkxWire.Decimal(balance.Wallet),
                ["upl"] = OkxWire.Decimal(balance.UnrealizedPnl),
                ["imr"] = OkxWire.Decimal(balance.PositionMargin),
                ["ordFrozen"] = OkxWire.Decimal(balance.OrderMargin),
                ["availEq"] = OkxWire.Decimal(balance.Available),
                ["uTime"] = OkxWire.Millis(at),
            });
        }

        return new JsonObject { ["totalEq"] = OkxWire.Decimal(total), ["uTime"] = OkxWire.Millis(at), ["details"] = details };
    }

    public static JsonObject Position(Trading.Instruments.Instrument instrument, PositionSummary position, DateTimeOffset at)
    {
        var contracts = OkxInstrumentIds.ToContracts(instrument, position.Amount);
        return new JsonObject
        {
            ["instType"] = "SWAP",
            ["instId"] = OkxInstrumentIds.InstIdOf(instrument),
            ["mgnMode"] = "cross",
            ["posSide"] = "net",
            ["pos"] = OkxWire.Decimal(position.Side == PositionSide.Short ? -contracts : contracts),
            ["ccy"] = instrument.Quote.Code,
            ["avgPx"] = position.AveragePrice is { } average ? OkxWire.Decimal(average) : string.Empty,
            ["bePx"] = position.BreakevenPrice is { } breakeven ? OkxWire.Decimal(breakeven) : string.Empty,
            ["markPx"] = OkxWire.Decimal(position.MarkPrice),
            ["upl"] = OkxWire.Decimal(position.UnrealizedPnl),
            ["pnl"] = OkxWire.Decimal(position.RealizedPnl),
            ["fee"] = OkxWire.Decimal(-position.Fees),
            ["fundingFee"] = OkxWire.Decimal(position.FundingPnl),
            ["realizedPnl"] = OkxWire.Decimal(position.RealizedPnl - position.Fees + position.FundingPnl),
            ["uTime"] = OkxWire.Millis(at),
        };
    }

    private async Task<JsonArray> PositionsAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var instId = query["instId"].ToString();
        var data = new JsonArray();
        foreach (var position in await served.Venue.GetPositionsAsync(ct).ConfigureAwait(false))
        {
            var id = ids.InstId(position.Key.Symbol);
            if (instId.Length > 0 && id != instId)
            {
                continue;
            }

            data.Add(Position(ids.Find(id), position, served.Clock.GetUtcNow()));
        }

        return data;
    }

    private async Task<JsonArray> BalanceAsync(string body, IQueryCollection query, CancellationToken ct) =>
        [Balance(await served.Venue.GetBalancesAsync(ct).ConfigureAwait(false), served.Clock.GetUtcNow())];

    // Newest first; `begin` is inclusive, in epoch ms. Only funding bills are kept by this venue, so a type other than 8 lists none.
    private async Task<JsonArray> BillsAsync(string body, IQueryCollection query, CancellationToken ct)
    {
        var type = query["type"].ToString();
        var begin = OkxParameters.Millis("begin", query["begin"]) ?? DateTimeOffset.UnixEpoch;
        var limit = OkxParameters.Limit("limit", query["limit"], BillsMaximum, BillsMaximum);
        var instId = query["instId"].ToString();
        var data = new JsonArray();
        if (type.Length > 0 && type != FundingBillType)
        {
            return data;
        }

        foreach (var instrument in ids.All.Where(i => instId.Length == 0 || OkxInstrumentIds.InstIdOf(i) == instId))
        {
            foreach (var payment in await served.Venue.GetFundingHistoryAsync(instrument.Symbol, begin, ct).ConfigureAwait(false))
            {
                data.Add(Bill(payment, instrument));
            }
        }

        return [.. data.OrderByDescending(b => b!["ts"]!.GetValue<string>().PadLeft(20, '0'), StringComparer.Ordinal).Take(limit).Select(b => b!.DeepClone())];
    }

    private static JsonObject Bill(FundingPayment payment, Trading.Instruments.Instrument instrument) => new()
    {
        ["billId"] = $"{OkxInstrumentIds.InstIdOf(instrument)}-{OkxWire.Millis(payment.At)}",
        ["instType"] = "SWAP",
        ["instId"] = OkxInstrumentIds.InstIdOf(instrument),
        ["mgnMode"] = "cross",
        ["type"] = FundingBillType,
        ["subType"] = payment.Amount < 0m ? "173" : "174",
        ["ccy"] = instrument.Quote.Code,
        ["balChg"] = OkxWire.Decimal(payment.Amount),
        ["sz"] = OkxWire.Decimal(OkxInstrumentIds.ToContracts(instrument, payment.Size)),
        ["px"] = OkxWire.Decimal(payment.Price),
        ["ts"] = OkxWire.Millis(payment.At),
    };
}
