using System.Text.Json.Nodes;
using FundingArb.Trading.Positions;
using FundingArb.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FundingArb.Exchange.Bybit;

// Bybit reports one realised PnL per position (trading, fees and funding together): cumRealisedPnl carries
// RealizedPnl + FundingPnl − Fees, so the global PnL survives the trip while its split does not.

/// The signed account endpoints: positions and the unified wallet.
internal sealed class BybitAccountEndpoints(ServedVenue served)
{
    public void Map(IEndpointRouteBuilder routes, BybitRequestGuard guard)
    {
        routes.MapGet("/v5/position/list", c => guard.SignedAsync(c, orderEndpoint: false, PositionsAsync));
        routes.MapGet("/v5/account/wallet-balance", c => guard.SignedAsync(c, orderEndpoint: false, WalletAsync));
    }

    private async Task<JsonObject> PositionsAsync(string payload, IQueryCollection query, CancellationToken ct)
    {
        BybitParameters.RequireLinear(query["category"]);
        var symbol = query["symbol"].ToString();
        var settleCoin = BybitParameters.SymbolOrSettleCoin(query);
        var list = new JsonArray();
        foreach (var position in await served.Venue.GetPositionsAsync(ct).ConfigureAwait(false))
        {
            var listed = symbol.Length > 0
                ? position.Key.Symbol.Value == symbol
                : served.Venue.Instruments.Any(i => i.Symbol == position.Key.Symbol && i.Quote.Code == settleCoin);
            if (!listed)
            {
                continue;
            }

            list.Add(Position(position));
        }

        return new JsonObject { ["category"] = "linear", ["list"] = list, ["nextPageCursor"] = string.Empty };
    }

    private async Task<JsonObject> WalletAsync(string payload, IQueryCollection query, CancellationToken ct)
    {
        var accountType = query["accountType"].ToString();
        if (accountType != "UNIFIED")
        {
            throw new BybitParameterException("accountType", accountType, "UNIFIED");
        }

        return new JsonObject { ["list"] = new JsonArray(Account(await served.Venue.GetBalancesAsync(ct).ConfigureAwait(false))) };
    }

    /// One position/list row; the position topic sends the same with entryPrice for avgPrice.
    public static JsonObject Position(PositionSummary position) => new()
    {
        ["symbol"] = position.Key.Symbol.Value,
        ["positionIdx"] = 0,
        ["side"] = position.Side switch { PositionSide.Long => "Buy", PositionSide.Short => "Sell", _ => string.Empty },
        ["size"] = BybitWire.Decimal(position.Amount),
        ["avgPrice"] = BybitWire.Decimal(position.AveragePrice ?? 0m),
        ["breakEvenPrice"] = BybitWire.Decimal(position.BreakevenPrice ?? 0m),
        ["markPrice"] = BybitWire.Decimal(position.MarkPrice),
        ["positionValue"] = BybitWire.Decimal(position.AmountQuote),
        ["unrealisedPnl"] = BybitWire.Decimal(position.UnrealizedPnl),
        ["cumRealisedPnl"] = BybitWire.Decimal(position.RealizedPnl + position.FundingPnl - position.Fees),
        ["positionStatus"] = "Normal",
        ["tradeMode"] = 0,
    };

    /// The unified account with one coin per collateral asset, as wallet-balance lists it and the wallet topic sends it.
    public static JsonObject Account(IEnumerable<VenueBalance> balances)
    {
        var coins = new JsonArray();
        foreach (var balance in balances)
        {
            coins.Add(new JsonObject
            {
                ["coin"] = balance.Asset.Code,
                ["walletBalance"] = BybitWire.Decimal(balance.Wallet),
                ["equity"] = BybitWire.Decimal(balance.Equity),
                ["unrealisedPnl"] = BybitWire.Decimal(balance.UnrealizedPnl),
                ["totalPositionIM"] = BybitWire.Decimal(balance.PositionMargin),
                ["totalOrderIM"] = BybitWire.Decimal(balance.OrderMargin),
            });
        }

        return new JsonObject { ["accountType"] = "UNIFIED", ["coin"] = coins };
    }
}
