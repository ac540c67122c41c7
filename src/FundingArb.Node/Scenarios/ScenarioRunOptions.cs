using System.Globalization;

namespace FundingArb.Node.Scenarios;

/// The arguments of `scenario run`, checked: a bad one is named with its value.
public sealed record ScenarioRunOptions(string File, long? Seed, string? Out, string Journal)
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
        for (var i = 3; i < args.Count; i += 2)
        {
            var name = args[i];
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
                default:
                    problem = $"unknown option '{name}'";
                    return null;
            }
        }

        return options;
    }
}
