using System.Globalization;

namespace FundingArb.Node.Exchange;

/// `fundingarb exchange [--config FILE] [--port N]`: --port serves the venues on N, N+1, ... in the order of
/// `fundingarb.exchange.serve`, instead of each entry's port.
public sealed record ExchangeRunOptions(string? ConfigFile, int? BasePort)
{
    public const string Usage = "usage: fundingarb exchange [--config FILE] [--port N]";

    /// The options after the `exchange` word, or null with the problem (naming the option and the value).
    public static ExchangeRunOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new ExchangeRunOptions(null, null);
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--config" or "--port"))
            {
                problem = $"unknown argument '{name}'";
                return null;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                problem = $"{name} needs a value";
                return null;
            }

            var value = args[++i];
            if (name == "--config")
            {
                options = options with { ConfigFile = value };
            }
            else if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535)
            {
                options = options with { BasePort = port };
            }
            else
            {
                problem = $"--port '{value}' is not a port (1 to 65535)";
                return null;
            }
        }

        problem = null;
        return options;
    }
}
