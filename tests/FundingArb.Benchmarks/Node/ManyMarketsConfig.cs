using System.Globalization;
using System.Text;

namespace FundingArb.Benchmarks.Node;

/// A node configuration over three venues listing many assets, so that hundreds of distinct pairs can be open at once.
internal static class ManyMarketsConfig
{
    public static readonly string[] Venues = ["alpha", "beta", "gamma"];

    public static string Write(string folder, int assets)
    {
        var text = new StringBuilder();
        text.Append("include \"").Append(Defaults().Replace("\\", "/", StringComparison.Ordinal)).Append("\"\n");
        text.Append("fundingarb.node.simulation { name = many, seed = 7, start = \"2026-01-01T00:00:00Z\", duration = 3650d, faults = []\n venues = [\n");
        foreach (var (venue, interval) in Venues.Zip(["8h", "4h", "1h"]))
        {
            text.Append(CultureInfo.InvariantCulture, $"{{ name = {venue}, funding-interval = {interval}, maker-fee = 0.0002, taker-fee = 0.0005, latency = 5ms, balances {{ USDT = 10000000 }}, instruments = [\n");
            for (var i = 0; i < assets; i++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{ symbol = A{i}USDT, base = A{i}, quote = USDT, tick-size = 0.01, step-size = 0.001, min-size = 0.001, min-notional = 5 }}\n");
            }

            text.Append("] }\n");
        }

        text.Append("]\n markets = [\n");
        foreach (var (venue, rate) in Venues.Zip([0.0001m, 0.0003m, 0.00002m]))
        {
            for (var i = 0; i < assets; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{{ venue = {venue}, symbol = A{i}USDT, price {{ start = 100, volatility = 0.3, stream = A{i} }}, depth {{ levels = 10, quote-per-level = 100000 }}, funding-process {{ start = {rate}, mean = {rate}, reversion = 3, volatility = 0.00002, update = 1m, cap = 0.003 }} }}\n");
            }
        }

        text.Append("] }\n");
        var path = Path.Combine(folder, "many-markets.conf");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string Defaults() => Path.Combine(AppContext.BaseDirectory, "hocon", "node.conf");
}
