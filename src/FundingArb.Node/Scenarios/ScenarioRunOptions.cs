using System.Globalization;

namespace FundingArb.Node.Scenarios;

/// The arguments of `scenario run`, checked: a bad one is named with its value. ViaExchange serves the scenario's venues
/// through the simulated exchange in Protocol (ExchangeScenarioRun).
public sealed record ScenarioRunOptions(string File, long? Seed, string? Out, string Journal, bool ViaExchange = false, string Protocol = ExchangeScenarioRun.Mixed)
{
    public static ScenarioRunOptions? Parse(IReadOnlyList<string> args, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        problem = null;
        if (args.Count < 3 || args[0] != "scenario" || args[1] != "run")
        {
            problem = "expected: scenario run FILE";
            return null;
        }

        var options = new ScenarioRunOptions(args[2], null, null, "memory");
        var protocolGiven = false;
        for (var i = 3; i < args.Count; i += 2)
        {
            var name = args[i];
            if (name == "--via-exchange")
            {
                options = options with { ViaExchange = true };
                i--;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"option {name} needs a value";
                return null;
            }

            var value = args[i + 1];
            switch (name)
            {
                case "--seed" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed):
                    options = options with { Seed = seed };
                    break;
                case "--seed":
                    problem = $"--seed: '{value}' is not a whole number";
                    return null;
                case "--out":
                    options = options with { Out = value };
                    break;
                case "--journal" when value == "memory" || (value.StartsWith("sqlite:", StringComparison.Ordinal) && value.Length > "sqlite:".Length):
                    options = options with { Journal = value };
                    break;
                case "--journal":
                    problem = $"--journal: '{value}' is neither 'memory' nor 'sqlite:PATH'";
                    return null;
                case "--protocol" when value == ExchangeScenarioRun.Mixed || ExchangeScenarioRun.Protocols.Contains(value):
                    options = options with { Protocol = value };
                    protocolGiven = true;
                    break;
                case "--protocol":
                    problem = $"--protocol: '{value}' is none of {ExchangeScenarioRun.Mixed}, {string.Join(", ", ExchangeScenarioRun.Protocols)}";
                    return null;
                default:
                    problem = $"unknown option '{name}'";
                    return null;
            }
        }

        if (protocolGiven && !options.ViaExchange)
        {
            problem = "--protocol: only with --via-exchange";
            return null;
        }

        return options;
    }
}
