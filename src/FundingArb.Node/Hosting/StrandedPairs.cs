using System.Collections.Immutable;
using System.Globalization;
using FundingArb.Actors.Orchestration;
using FundingArb.Actors.Pairs;
using Akka.Streams;
using FundingArb.Persistence.Sql.Query;
using FundingArb.Persistence.Sql.Serialization;
using FundingArb.Trading.Instruments;

namespace FundingArb.Node.Hosting;

// Read before any actor starts: once executors run, a pair on a venue that is still configured may trade, and a node
// that then refuses to start would have acted on a configuration its operator did not mean. The fold is the
// executors' own (PairState), so "holds" means what an executor would find on recovery.

/// Pairs in the journal that hold a venue the configuration lacks: registered, not stored, past New and not Closed.
public static class StrandedPairs
{
    public static async Task<ImmutableArray<string>> FindAsync(SqlReadJournal journal, IMaterializer materializer, IReadOnlySet<VenueId> venues,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(venues);
        var registry = new SortedDictionary<string, PairSpec>(StringComparer.Ordinal);
        await foreach (var envelope in journal.CurrentEventsByPersistenceId(OrchestratorActor.Id, 0, long.MaxValue).RunAsAsyncEnumerable(materializer)
            .WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (envelope.Event is ExecutorRegistered registered)
            {
                registry[registered.Spec.ExecutorId] = registered.Spec;
            }
            else if (envelope.Event is ExecutorStored stored)
            {
                registry.Remove(stored.ExecutorId);
            }
        }

        var stranded = ImmutableArray.CreateBuilder<string>();
        foreach (var spec in registry.Values)
        {
            var missing = new[] { spec.LongVenueId, spec.ShortVenueId }.Where(v => !venues.Contains(v)).Select(v => v.Value).ToArray();
            if (missing.Length > 0 && await StateOfAsync(journal, materializer, spec, cancellationToken).ConfigureAwait(false) is { Phase: not (PairPhase.New or PairPhase.Closed) } state)
            {
                stranded.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{spec.ExecutorId} holds {string.Join(" and ", missing)} (long {state.LongLeg.NetQuantity:0.##########} {spec.LongSymbol} on {spec.LongVenue}, short {-state.ShortLeg.NetQuantity:0.##########} {spec.ShortSymbol} on {spec.ShortVenue}, {state.Phase})"));
            }
        }

        return stranded.ToImmutable();
    }

    /// The pair as its journal tells it; null when a row cannot be read (its executor reports that on recovery).
    private static async Task<PairState?> StateOfAsync(SqlReadJournal journal, IMaterializer materializer, PairSpec spec, CancellationToken cancellationToken)
    {
        var state = new PairState(spec);
        try
        {
            await foreach (var envelope in journal.CurrentEventsByPersistenceId(spec.ExecutorId, 0, long.MaxValue).RunAsAsyncEnumerable(materializer)
                .WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                state.Apply(envelope.Event);
            }
        }
        catch (EventDeserializationException)
        {
            return null;
        }

        return state;
    }
}
