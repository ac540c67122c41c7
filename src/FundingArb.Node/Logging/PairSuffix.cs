using Serilog.Core;
using Serilog.Events;

namespace FundingArb.Node.Logging;

/// Renders a pair's identity at the end of a console line (" [pair-BTC-alpha-beta-1 BTC alpha→beta]") when the
/// event carries one; the JSON files keep ExecutorId, Symbol, LongVenue and ShortVenue as properties.
public sealed class PairSuffix : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        ArgumentNullException.ThrowIfNull(propertyFactory);
        var suffix = logEvent.Properties.TryGetValue(PairLogContext.ExecutorIdProperty, out var id)
            ? $" [{Text(id)} {Text(logEvent, PairLogContext.SymbolProperty)} {Text(logEvent, PairLogContext.LongVenueProperty)}→{Text(logEvent, PairLogContext.ShortVenueProperty)}]"
            : "";
        logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("PairSuffix", suffix));
    }

    private static string Text(LogEvent logEvent, string name) => logEvent.Properties.TryGetValue(name, out var value) ? Text(value) : "?";

    private static string Text(LogEventPropertyValue value) => value is ScalarValue { Value: { } scalar } ? scalar.ToString() ?? "" : value.ToString();
}
