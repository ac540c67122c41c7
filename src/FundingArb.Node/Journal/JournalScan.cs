using Akka.Persistence.Query;
using Akka.Streams;
using FundingArb.Persistence.Sql.Query;
using FundingArb.Persistence.Sql.Serialization;

namespace FundingArb.Node.Journal;

/// Reads every row of a journal once, in offset order, stepping over the rows that cannot be read.
public static class JournalScan
{
    /// How many rows were read, and the ones that could not be.
    public static async Task<(long Readable, IReadOnlyList<UnreadableRow> Unreadable)> RunAsync(SqlReadJournal journal, IMaterializer materializer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var readable = 0L;
        var unreadable = new List<UnreadableRow>();
        var offset = 0L;
        while (true)
        {
            try
            {
                await foreach (var envelope in journal.CurrentAllEvents(Offset.Sequence(offset)).RunAsAsyncEnumerable(materializer)
                    .WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    offset = ((Sequence)envelope.Offset).Value;
                    readable++;
                }

                return (readable, unreadable);
            }
            catch (EventDeserializationException error) when (error.Offset is { } at)
            {
                unreadable.Add(new UnreadableRow(at, error.PersistenceId ?? "?", error.SequenceNr, error.Manifest ?? "?",
                    error.InnerException?.InnerException?.Message ?? error.InnerException?.Message ?? error.Message));
                offset = at;
            }
        }
    }
}
