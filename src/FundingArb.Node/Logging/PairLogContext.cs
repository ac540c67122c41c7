using System.Collections.Immutable;
using FundingArb.Actors.Pairs;
using Serilog.Core;
using Serilog.Core.Enrichers;

namespace FundingArb.Node.Logging;

/// The pairs the node runs, by executor id, so that a log line from an executor or one of its order actors carries
/// the executor id, symbol and venues; learnt from the orchestrator's registrations (ExecutorRegistered).
public sealed class PairLogContext
{
    public const string ExecutorIdProperty = "ExecutorId";
    public const string SymbolProperty = "Symbol";
    public const string LongVenueProperty = "LongVenue";
    public const string ShortVenueProperty = "ShortVenue";

    private const string OrchestratorSegment = "/user/orchestrator/";
    private ImmutableDictionary<string, PairSpec> _pairs = ImmutableDictionary<string, PairSpec>.Empty.WithComparers(StringComparer.Ordinal);

    public void Add(PairSpec pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        ImmutableInterlocked.AddOrUpdate(ref _pairs, pair.ExecutorId, pair, (_, _) => pair);
    }

    /// The enrichers of the pair an actor path belongs to (none for other actors).
    public ILogEventEnricher[] EnrichersFor(string logSource)
    {
        ArgumentNullException.ThrowIfNull(logSource);
        var at = logSource.IndexOf(OrchestratorSegment, StringComparison.Ordinal);
        if (at < 0)
        {
            return [];
        }

        var rest = logSource[(at + OrchestratorSegment.Length)..];
        var id = rest.Split('/')[0];
        if (!id.StartsWith("pair-", StringComparison.Ordinal))
        {
            return [];
        }

        return Volatile.Read(ref _pairs).TryGetValue(id, out var spec)
            ?
            [
                new PropertyEnricher(ExecutorIdProperty, id), new PropertyEnricher(SymbolProperty, $"{spec.Asset}/{spec.Quote}"),
                new PropertyEnricher(LongVenueProperty, $"{spec.LongVenue}:{spec.LongSymbol}"), new PropertyEnricher(ShortVenueProperty, $"{spec.ShortVenue}:{spec.ShortSymbol}"),
            ]
            : [new PropertyEnricher(ExecutorIdProperty, id)];
    }
}
