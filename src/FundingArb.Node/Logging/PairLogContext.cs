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
        // A pair's host is named by its executor id, under the orchestrator (one node) or under its shard
        // (/system/sharding/pair/SHARD/ID); the executor and its order actors are below it.
        var id = logSource.Split('/').FirstOrDefault(segment => segment.StartsWith("pair-", StringComparison.Ordinal));
        if (id is null)
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
