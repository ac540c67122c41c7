using FundingArb.Node.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace FundingArb.Node.Logging;

/// The node's Serilog pipeline: readable console, rolling JSON files under data/logs, secrets masked in both.
public static class NodeLogging
{
    public const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{PairSuffix}{NewLine}{Exception}";

    public static Serilog.Core.Logger Create(NodeSettings settings, SecretMasking masking, PairLogContext pairs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(masking);
        var minimum = (LogEventLevel)Math.Min((int)settings.Logging.ConsoleLevel, (int)settings.Logging.FileLevel);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .Enrich.WithProperty("Node", settings.Name)
            .Enrich.With(new PairEnricher(pairs))
            .Enrich.With(new PairSuffix())
            .Enrich.With(masking)
            .WriteTo.Console(restrictedToMinimumLevel: settings.Logging.ConsoleLevel, outputTemplate: ConsoleTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.Async(sink => sink.File(new JsonFormatter(renderMessage: true), Path.Combine(settings.LogDirectory, "node-.json"),
                restrictedToMinimumLevel: settings.Logging.FileLevel, rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: settings.Logging.RetainedFiles, shared: false));
        foreach (var (source, level) in settings.Logging.Overrides)
        {
            configuration.MinimumLevel.Override(source, level);
        }

        return configuration.CreateLogger();
    }
}
