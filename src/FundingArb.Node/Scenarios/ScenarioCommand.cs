using System.Globalization;
using FundingArb.Actors.Simulation;
using FundingArb.Venues.Hocon;
using FundingArb.Venues.Scenarios;

namespace FundingArb.Node.Scenarios;

/// `fundingarb scenario run FILE [--seed N] [--out report.json] [--journal memory|sqlite:PATH] [--via-exchange [--protocol P]]`:
/// runs a scenario on virtual time with the real actors and writes its JSON report (to stdout without --out); with
/// --via-exchange its venues are served by the simulated exchange and reached through the connectors. Exit codes:
/// 0 done, 1 the scenario file is wrong (the message names the key and line), 2 bad arguments.
public static class ScenarioCommand
{
    public const string Usage = "usage: fundingarb scenario run FILE [--seed N] [--out report.json] [--journal memory|sqlite:PATH] "
        + "[--via-exchange [--protocol mixed|binance-usdm|bybit-v5|okx-v5]]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (ScenarioRunOptions.Parse(args, out var problem) is not { } options)
        {
            await error.WriteLineAsync($"{problem}\n{Usage}").ConfigureAwait(false);
            return 2;
        }

        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.LoadFile(options.File);
            if (options.Seed is { } seed)
            {
                scenario = scenario with { Seed = seed };
            }
        }
        catch (Exception failure) when (failure is ScenarioException or HoconSyntaxException or IOException)
        {
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return 1;
        }

        var journal = new ScenarioJournal();
        SimulationResult result;
        try
        {
            result = options.ViaExchange
                ? await ExchangeScenarioRun.RunAsync(scenario, options.Protocol, journal).ConfigureAwait(false)
                : ScenarioSimulation.Run(scenario, journal);
        }
        catch (FormatException failure)
        {
            // A bad strategy or risk value (a ScenarioException naming its line), or an action the runner cannot read.
            await error.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return 1;
        }

        if (options.Journal.StartsWith("sqlite:", StringComparison.Ordinal))
        {
            await ScenarioJournalExport.ToSqliteAsync(journal, options.Journal["sqlite:".Length..]).ConfigureAwait(false);
        }

        var report = ScenarioReport.ToJson(result);
        if (options.Out is { } path)
        {
            await File.WriteAllTextAsync(path, report).ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name} (seed {scenario.Seed}): {result.Executors.Length} executors, {result.JournalEvents} journal events, report in {path}")).ConfigureAwait(false);
        }
        else
        {
            await output.WriteAsync(report).ConfigureAwait(false);
        }

        return 0;
    }
}
