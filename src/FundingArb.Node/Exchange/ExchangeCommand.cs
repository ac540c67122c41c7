using System.Runtime.InteropServices;
using FundingArb.Exchange;
using FundingArb.Exchange.Hosting;
using FundingArb.Node.Configuration;
using Serilog.Extensions.Logging;

namespace FundingArb.Node.Exchange;

/// `fundingarb exchange [--config FILE] [--port N]`: serves the configured simulated venues on the system clock until
/// Ctrl+C or SIGTERM, then saves their state. Exit codes: 0 stopped, 1 bad configuration or a failed start (a port in
/// use, an unreadable saved state), 2 bad arguments.
public static class ExchangeCommand
{
    public const string Name = "exchange";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (ExchangeRunOptions.Parse(args[1..], out var problem) is not { } options)
        {
            await error.WriteLineAsync($"{problem}\n{ExchangeRunOptions.Usage}").ConfigureAwait(false);
            return 2;
        }

        ExchangeSettings settings;
        try
        {
            settings = ExchangeConfigLoader.Load(options, Environment.GetEnvironmentVariables(), ExchangeProtocols.All);
            Directory.CreateDirectory(settings.DataDirectory);
        }
        catch (NodeConfigurationException bad)
        {
            await error.WriteLineAsync($"configuration error: {bad.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (Exception failure) when (failure is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"fundingarb.exchange.data-dir: cannot be created: {failure.Message}").ConfigureAwait(false);
            return 1;
        }

        using var logger = ExchangeLogging.Create(settings);
        using var loggerFactory = new SerilogLoggerFactory(logger);
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        ExchangeHost host;
        try
        {
            host = await ExchangeHost.StartAsync(settings, TimeProvider.System, output, loggerFactory).ConfigureAwait(false);
        }
        catch (Exception failure) when (failure is IOException or InvalidDataException)
        {
            await error.WriteLineAsync($"the exchange could not start: {failure.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (host.ConfigureAwait(false))
        {
            await stopped.Task.ConfigureAwait(false);
        }

        return 0;
    }
}
