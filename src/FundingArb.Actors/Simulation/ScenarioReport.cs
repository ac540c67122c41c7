using System.Text;
using System.Text.Json;
using FundingArb.Trading.Economics;
using FundingArb.Venues.Errors;

namespace FundingArb.Actors.Simulation;

// Written field by field in a fixed order with invariant numbers, so the same run gives the same bytes. Names are
// snake_case as the scenario-runner issue lists them; enums are written as Hummingbot writes them (TAKE_PROFIT).

/// The JSON report of a scenario run (`fundingarb scenario run ... --out report.json`).
public static class ScenarioReport
{
    /// Decimal places of every money figure and ratio.
    private const int Places = 8;

    public static string ToJson(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", result.Scenario);
            json.WriteNumber("seed", result.Seed);
            WriteExecutors(json, result);
            WriteOrders(json, result);
            WritePositions(json, result);
            json.WriteStartObject("exposure");
            json.WriteNumber("max_unhedged_quote", Round(result.Exposure.MaxQuote));
            json.WriteNumber("max_unhedged_seconds", (long)result.Exposure.MaxDuration.TotalSeconds);
            json.WriteNumber("unhedged_at_end_quote", Round(result.Exposure.AtEndQuote));
            json.WriteEndObject();
            json.WriteNumber("duplicate_client_order_ids", DuplicateClientOrderIds(result));
            json.WriteStartObject("journal");
            json.WriteNumber("events", result.JournalEvents);
            json.WriteNumber("recoveries", result.Recoveries);
            json.WriteEndObject();
            WritePerformance(json, result);
            WriteEconomics(json, result.Economics);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// Client order ids the venues saw more than once: sent twice, or refused as duplicates.
    public static int DuplicateClientOrderIds(SimulationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sent = result.Venues.SelectMany(v => v.Orders).GroupBy(o => o.Order.ClientOrderId).Count(g => g.Count() > 1);
        var refused = result.Venues.SelectMany(v => v.Rejections).Count(r => r.Error == VenueError.DuplicateClientOrderId);
        return sent + refused;
    }

    private static void WriteExecutors(Utf8JsonWriter json, SimulationResult result)
    {
        json.WriteStartArray("executors");
        foreach (var pair in result.Executors)
        {
            json.WriteStartObject();
            json.WriteString("id", pair.Spec.ExecutorId);
            json.WriteString("type", "funding_arb");
            json.WriteString("symbol", pair.Spec.Asset);
            json.WriteString("long_venue", pair.Spec.LongVenue);
            json.WriteString("short_venue", pair.Spec.ShortVenue);
            json.WriteString("status", Upper(pair.Status.ToString()));
            WriteOptional(json, "close_type", pair.CloseType is { } close ? Upper(close.ToString()) : null);
            WriteOptional(json, "opened_at", pair.OpenedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            WriteOptional(json, "closed_at", pair.ClosedAt?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteNumber("size_quote", pair.Spec.SizeQuote);
            json.WriteNumber("size_base", pair.SizeBase);
            json.WriteNumber("funding_quote", Round(pair.FundingQuote));
            json.WriteNumber("fees_quote", Round(pair.FeesQuote));
            json.WriteNumber("trade_pnl_quote", Round(pair.TradePnlQuote));
            json.WriteNumber("net_pnl_quote", Round(pair.NetPnlQuote));
            WriteOptional(json, "close_reason", pair.CloseReason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOrders(Utf8JsonWriter json, SimulationResult result)
    {
        json.WriteStartArray("orders");
        foreach (var venue in result.Venues)
        {
            foreach (var history in venue.Orders)
            {
                var order = history.Order;
                json.WriteStartObject();
                json.WriteString("venue", venue.Id.Value);
                json.WriteString("symbol", order.Request.Instrument.Symbol.Value);
                json.WriteString("client_order_id", order.ClientOrderId.Value);
                json.WriteString("side", Upper(order.Request.Side.ToString()));
                json.WriteString("type", Upper(order.Request.Type.ToString()));
                json.WriteBoolean("reduce_only", order.Request.ReduceOnly);
                json.WriteNumber("size", order.Request.Quantity);
                json.WriteNumber("filled", order.FilledQuantity);
                if (order.AveragePrice is { } average)
                {
                    json.WriteNumber("avg_price", Round(average));
                }
                else
                {
                    json.WriteNull("avg_price");
                }

                json.WriteString("status", Upper(order.Status.ToString()));
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WritePositions(Utf8JsonWriter json, SimulationResult result)
    {
        json.WriteStartArray("positions_end");
        foreach (var venue in result.Venues)
        {
            foreach (var position in venue.Positions)
            {
                json.WriteStartObject();
                json.WriteString("venue", venue.Id.Value);
                json.WriteString("symbol", position.Key.Symbol.Value);
                json.WriteNumber("size", position.NetQuantity);
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
    }

    private static void WritePerformance(Utf8JsonWriter json, SimulationResult result)
    {
        var report = result.Performance;
        json.WriteStartObject("performance");
        json.WriteNumber("realized_pnl_quote", Round(report.RealizedPnlQuote));
        json.WriteNumber("unrealized_pnl_quote", Round(report.UnrealizedPnlQuote));
        json.WriteNumber("global_pnl_quote", Round(report.GlobalPnlQuote));
        json.WriteNumber("global_pnl_pct", Round(report.GlobalPnlPercent));
        json.WriteNumber("volume_traded", Round(report.VolumeTraded));
        json.WriteStartObject("close_type_counts");
        foreach (var count in report.CloseTypeCounts)
        {
            json.WriteNumber(Upper(count.CloseType.ToString()), count.Count);
        }

        json.WriteEndObject();
        if (result.Equity.Sharpe is { } sharpe)
        {
            json.WriteNumber("sharpe", Math.Round(sharpe, 6));
        }
        else
        {
            json.WriteNull("sharpe");
        }

        json.WriteNumber("max_drawdown_quote", Round(result.Equity.MaxDrawdown));
        json.WriteNumber("max_drawdown_fraction", Round(result.Equity.MaxDrawdownFraction));
        json.WriteEndObject();
    }

    // Rounded as a whole, so that net = funding - fees - slippage - basis holds on the printed figures; the ratios are
    // those of the printed figures.
    private static void WriteEconomics(Utf8JsonWriter json, RunEconomics economics)
    {
        var rounded = economics.RoundedTo(Places);
        json.WriteStartObject("economics");
        json.WriteNumber("funding_quote", rounded.FundingQuote);
        json.WriteNumber("fees_quote", rounded.FeesQuote);
        json.WriteNumber("slippage_quote", rounded.SlippageQuote);
        json.WriteNumber("basis_quote", rounded.BasisQuote);
        json.WriteNumber("net_quote", rounded.NetQuote);
        json.WriteNumber("round_trips", rounded.RoundTrips);
        WriteOptional(json, "fee_to_funding_ratio", rounded.FeeToFundingRatio);
        json.WriteNumber("oracle_quote", rounded.OracleQuote);
        WriteOptional(json, "capture_ratio", rounded.CaptureRatio);
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, decimal? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, Round(number));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static decimal Round(decimal value) => Math.Round(value, Places, MidpointRounding.ToEven);

    /// TakeProfit → TAKE_PROFIT.
    private static string Upper(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append('_');
            }

            text.Append(char.ToUpperInvariant(name[i]));
        }

        return text.ToString();
    }
}
