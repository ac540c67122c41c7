using System.Globalization;
using FundingArb.Actors.Orchestration;

namespace FundingArb.Actors.Simulation;

// The console does not exist yet; these are the commands a scenario's actions may issue until it does, named as
// the console will name them (a noun, a verb, arguments). Reads (`status`, `executors list`) change nothing and
// are accepted so that scenarios can mark the moments a user would look.

/// One scenario action parsed into the orchestrator message it sends (null for a read).
public sealed record ScenarioActionCommand(string Text, object? Message)
{
    public static ScenarioActionCommand Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words switch
        {
            ["status"] or ["executors", "list"] => new ScenarioActionCommand(text, null),
            ["executors", "stop", var id] => new ScenarioActionCommand(text, new StopExecutor(id, KeepPosition: false)),
            ["executors", "stop", var id, "--keep-position"] => new ScenarioActionCommand(text, new StopExecutor(id, KeepPosition: true)),
            ["executors", "store", var id] => new ScenarioActionCommand(text, new StoreExecutor(id)),
            ["executors", "create", var asset, var longVenue, var longSymbol, var shortVenue, var shortSymbol, var quote, var size]
                when decimal.TryParse(size, NumberStyles.Number, CultureInfo.InvariantCulture, out var sizeQuote) =>
                new ScenarioActionCommand(text, new CreateExecutor(asset, longVenue, longSymbol, shortVenue, shortSymbol, quote, sizeQuote)),
            _ => throw new FormatException(
                $"unknown command '{text}'; expected status, executors list, executors stop ID [--keep-position], executors store ID, " +
                "or executors create ASSET LONG-VENUE LONG-SYMBOL SHORT-VENUE SHORT-SYMBOL QUOTE SIZE-QUOTE"),
        };
    }
}
