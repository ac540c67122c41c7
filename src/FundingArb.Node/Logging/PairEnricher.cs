using Serilog.Core;
using Serilog.Events;

namespace FundingArb.Node.Logging;

/// Adds the pair's identity (ExecutorId, Symbol, LongVenue, ShortVenue) to every line an executor or one of its order
/// actors logs: Akka's logger names the actor in the LogSource property.
public sealed class PairEnricher(PairLogContext pairs) : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        if (logEvent.Properties.TryGetValue("LogSource", out var source) && source is ScalarValue { Value: string path })
        {
            foreach (var enricher in pairs.EnrichersFor(path))
            {
                enricher.Enrich(logEvent, propertyFactory);
            }
        }
    }
}
