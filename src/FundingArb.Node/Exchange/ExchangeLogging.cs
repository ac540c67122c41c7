using FundingArb.Exchange.Hosting;
using FundingArb.Node.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace FundingArb.Node.Exchange;

/// The exchange's Serilog pipeline: readable lines on stderr (stdout carries only the start lines and `ready`, which
/// scripts read), rolling JSON files under the data folder's logs/, the account's secret and passphrase masked in both.
public static class ExchangeLogging
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static Serilog.Core.Logger Create(ExchangeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var masking = new SecretMasking();
        masking.Register(settings.Account.ApiSecret);
        if (settings.Account.Passphrase is { } passphrase)
        {
            masking.Register(passphrase);
        }

        return new LoggerConfiguration()
            .MinimumLevel.Is(Level(settings.LogLevel))
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.With(masking)
            .WriteTo.Console(outputTemplate: ConsoleTemplate, standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.Async(sink => sink.File(new JsonFormatter(renderMessage: true), Path.Combine(settings.LogDirectory, "exchange-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, shared: false))
            .CreateLogger();
    }

    private static LogEventLevel Level(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}
