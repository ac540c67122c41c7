using System.Globalization;

namespace FundingArb.Node.Hosting;

/// `fundingarb [--config FILE] [--speed N] [--data DIR] [--allow-stranded]`: each option overrides its configuration key.
public sealed record NodeRunOptions(string? ConfigFile, double? Speed, string? DataDirectory, bool AllowStranded = false)
{
    public const string Usage =
        "usage: fundingarb [--config FILE] [--speed N] [--data DIR] [--allow-stranded] | fundingarb scenario run FILE [options] | fundingarb exchange [--config FILE] [--port N] | fundingarb journal check [--config FILE] [--data DIR]";

    public static NodeRunOptions None { get; } = new(null, null, null);

    /// The options, or null with the problem (naming the option and the value) when the arguments are wrong.
    public static NodeRunOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = None;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--allow-stranded")
            {
                options = options with { AllowStranded = true };
                continue;
            }

            if (name is not ("--config" or "--speed" or "--data"))
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
            switch (name)
            {
                case "--config":
                    options = options with { ConfigFile = value };
                    break;
                case "--data":
                    options = options with { DataDirectory = value };
                    break;
                default:
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var speed) || !(speed > 0) || !double.IsFinite(speed))
                    {
                        problem = $"--speed '{value}' is not a number above zero";
                        return null;
                    }

                    options = options with { Speed = speed };
                    break;
            }
        }

        problem = null;
        return options;
    }
}
