using System.Text.Json.Nodes;
using FundingArb.Trading.Instruments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Binance;

// positionRisk lists the open positions only (as Binance's v3 does; v2 also lists every flat symbol). income serves
// FUNDING_FEE, the one income type the simulator records apart from trades; any other type answers an empty list.

internal sealed partial class BinanceUsdmApi
{
    private void MapAccount(IEndpointRouteBuilder routes)
    {
        Map(routes, HttpMethods.Get, "/fapi/v2/positionRisk", 5, BinanceSecurity.Signed, PositionRiskAsync);
        Map(routes, HttpMethods.Get, "/fapi/v2/balance", 5, BinanceSecurity.Signed, BalanceAsync);
        Map(routes, HttpMethods.Get, "/fapi/v1/income", 30, BinanceSecurity.Signed, IncomeAsync);
        Map(routes, HttpMethods.Post, "/fapi/v1/listenKey", 1, BinanceSecurity.ApiKey,
            (_, _) => Task.FromResult<JsonNode>(new JsonObject { ["listenKey"] = _listenKeys.CreateOrExtend() }));
        Map(routes, HttpMethods.Put, "/fapi/v1/listenKey", 1, BinanceSecurity.ApiKey,
            (_, _) => Task.FromResult<JsonNode>(_listenKeys.TryExtend(out var key)
                ? new JsonObject { ["listenKey"] = key }
                : throw BinanceApiError.BadRequest(-1125, "This listenKey does not exist.")));
        Map(routes, HttpMethods.Delete, "/fapi/v1/listenKey", 1, BinanceSecurity.ApiKey, (_, _) =>
        {
            _listenKeys.Close();
            return Task.FromResult<JsonNode>(new JsonObject());
        });
    }

    private async Task<JsonNode> PositionRiskAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var symbol = parameters.Optional("symbol") is { } name ? Instrument(name).Symbol : (Symbol?)null;
        var positions = await _venue.GetPositionsAsync(cancellationToken).ConfigureAwait(false);
        return new JsonArray([.. positions.Where(p => symbol is null || p.Key.Symbol == symbol)
            .Select(p => (JsonNode)BinanceAccountPayloads.PositionRisk(p, _venue.Settings.Leverage, Now))]);
    }

    private async Task<JsonNode> BalanceAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var balances = await _venue.GetBalancesAsync(cancellationToken).ConfigureAwait(false);
        return new JsonArray([.. balances.Select(b => (JsonNode)BinanceAccountPayloads.Balance(b, Now))]);
    }

    private Task<JsonNode> IncomeAsync(BinanceParameters parameters, CancellationToken cancellationToken)
    {
        var symbol = parameters.Optional("symbol") is { } name ? Instrument(name).Symbol : (Symbol?)null;
        var limit = HistoryLimit(parameters);
        if (parameters.Optional("incomeType") is { } type && type != "FUNDING_FEE")
        {
            return Task.FromResult<JsonNode>(new JsonArray());
        }

        var rows = _venue.FundingPayments.Select((payment, index) => (Payment: payment, TranId: index + 1L))
            .Where(p => symbol is null || p.Payment.Symbol == symbol);
        rows = Window(rows, p => p.Payment.At, parameters);
        rows = parameters.Optional("startTime") is null ? rows.TakeLast(limit) : rows.Take(limit);
        return Task.FromResult<JsonNode>(new JsonArray([.. rows.Select(p =>
            (JsonNode)BinanceAccountPayloads.FundingIncome(p.Payment, Instrument(p.Payment.Symbol.Value).Quote.Code, p.TranId))]));
    }
}
